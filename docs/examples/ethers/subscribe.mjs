// Prints the numbers of the next N blocks (default 3) as the node announces them, then exits.
import { ethers } from "ethers";

const ws = (process.env.LUXTENSOR_RPC ?? "http://127.0.0.1:8545").replace(/^http/, "ws");
const count = Number(process.argv[2] ?? 3);
const provider = new ethers.WebSocketProvider(ws);

let seen = 0;
await provider.on("block", async (number) => {
  console.log(`block ${number}`);
  if (++seen === count) {
    await provider.destroy();
  }
});
