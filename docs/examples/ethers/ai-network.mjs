// The AI network end to end with ethers, against `luxtensor dev`: a subnet, a validator and two miners, weights and
// an epoch, then an AI task paid by score. The keys are the dev chain's public test keys: never use them elsewhere.
import { ethers } from "ethers";
import { readFileSync } from "node:fs";

const rpc = process.env.LUXTENSOR_RPC ?? "http://127.0.0.1:8545";
// ethers caches identical reads for 250 ms; a dev node seals a block per transaction faster than that, so a cached
// "pending" nonce would be stale by the next transaction (ethers issue 4549): no cache here.
const provider = new ethers.JsonRpcProvider(rpc, undefined, { pollingInterval: 100, cacheTimeout: -1 });
const phrase = "test test test test test test test test test test test junk";
const [owner, coldkey, validator, minerA, minerB] = [0, 1, 2, 3, 4].map((i) =>
  ethers.HDNodeWallet.fromPhrase(phrase, undefined, `m/44'/60'/0'/0/${i}`).connect(provider));
const contract = (address, name) => new ethers.Contract(address,
  JSON.parse(readFileSync(new URL(`../../../abi/${name}.json`, import.meta.url))), provider);
const registry = contract("0x0000000000000000000000000000000000001002", "SubnetRegistry");
const neurons = contract("0x0000000000000000000000000000000000001003", "Neurons");
const stake = contract("0x0000000000000000000000000000000000001004", "Stake");
const weights = contract("0x0000000000000000000000000000000000001005", "Weights");
const tasks = contract("0x0000000000000000000000000000000000001007", "AITasks");
const send = async (call) => (await call).wait();
const mineUntil = async (done) => { while (!(await done())) await provider.send("evm_mine", []); };
const metagraph = (netuid) => provider.send("lux_getMetagraph", [ethers.toQuantity(netuid)]);

// 1. The owner registers a subnet: tempo 2 (an epoch every 3 blocks), 8 UIDs, 4 validator permits.
await send(registry.connect(owner).registerSubnet("walkthrough",
  [2, 8, 4, 4096, 5000, 0, 1, 32767, 900000, 0, 1], { value: await registry.lockCost() }));
const netuid = Number(await registry.subnetCount()) - 1;

// 2. A coldkey registers three hotkeys (UIDs 0, 1, 2) and stakes 10 LUX on the validator's.
for (const hotkey of [validator, minerA, minerB]) {
  await send(neurons.connect(coldkey).burnedRegister(netuid, hotkey.address, { value: await neurons.burn(netuid) }));
}
await send(stake.connect(coldkey).addStake(netuid, validator.address, { value: ethers.parseEther("10") }));

// 3. At the next epoch the validator holds a permit; it weighs the miners 1 : 2; an epoch later they have incentive.
await mineUntil(async () => (await metagraph(netuid)).neurons[0].validatorPermit);
await send(weights.connect(validator).setWeights(netuid, [1, 2], [32767, 65535], 0));
await mineUntil(async () => (await metagraph(netuid)).neurons[2].incentive !== "0x0");
const [, a, b] = (await metagraph(netuid)).neurons;
console.log(`incentive: miner A ${Number(a.incentive) / 65535}, miner B ${Number(b.incentive) / 65535}`);

// 4. The owner submits an AI task with a 10 LUX fee through mt_submitAITask, which answers the task id at once.
const deadline = (await provider.getBlockNumber()) + 4;
const request = await tasks.submitTask.populateTransaction(netuid, ethers.id("model"), ethers.id("input"),
  "ipfs://input", deadline, { value: ethers.parseEther("10") });
const { taskId, transactionHash } = await provider.send("mt_submitAITask",
  [await owner.signTransaction(await owner.populateTransaction(request))]);
await provider.waitForTransaction(transactionHash);

// 5. Both miners commit to a result before the deadline and reveal it after; the validator scores the results.
const salt = ethers.id("salt");
const answer = (uri) => [ethers.id(uri), uri, salt];
const commitment = (miner, uri) => ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(
  ["address", "uint256", "bytes32", "string", "bytes32"], [miner.address, taskId, ...answer(uri)]));
const results = [[minerA, "ipfs://answer-a", 1, 60000], [minerB, "ipfs://answer-b", 2, 20000]];
for (const [miner, uri] of results) {
  await send(tasks.connect(miner).commitResult(taskId, commitment(miner, uri)));
}
await mineUntil(async () => (await provider.getBlockNumber()) >= deadline);
for (const [miner, uri, uid, score] of results) {
  await send(tasks.connect(miner).revealResult(taskId, ...answer(uri)));
  await send(tasks.connect(validator).scoreResult(taskId, uid, score));
}

// 6. After the dispute and vote windows anyone finalizes: 90% to the miners by score, 10% to the validator.
const { voteEnd } = await provider.send("lux_getTask", [taskId]);
await mineUntil(async () => (await provider.getBlockNumber()) >= Number(voteEnd));
await send(tasks.connect(owner).finalizeTask(taskId));
const result = await provider.send("mt_getAIResult", [taskId]);
console.log(`task ${result.status}: ` + result.results.map((r) =>
  `${r.miner === minerA.address.toLowerCase() ? "miner A" : "miner B"} ${ethers.formatEther(r.payout)} LUX`)
  .join(", "));
provider.destroy();
