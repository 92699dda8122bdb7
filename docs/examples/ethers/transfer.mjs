// Sends 1.5 LUX from Hardhat's first dev account to the second, then prints the hash and the new balance.
import { ethers } from "ethers";

const rpc = process.env.LUXTENSOR_RPC ?? "http://127.0.0.1:8545";
const provider = new ethers.JsonRpcProvider(rpc, undefined, { pollingInterval: 250 });
// Account (0) of `luxtensor dev`: a public test key, never use it on a real chain.
const wallet = new ethers.Wallet("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", provider);
const to = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

const tx = await wallet.sendTransaction({ to, value: ethers.parseEther("1.5") });
const receipt = await tx.wait();
console.log(`hash ${receipt.hash} in block ${receipt.blockNumber}`);
console.log(`balance of ${to}: ${ethers.formatEther(await provider.getBalance(to))} LUX`);
provider.destroy();
