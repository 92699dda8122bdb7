package io.luxtensor.cli;

import java.security.SecureRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code luxtensor ai}: the AI network from the command line. Writes are transactions to its system contracts
 * (SubnetRegistry, Neurons, Stake, Weights, AITasks) signed here with a keystore key, as {@code wallet send} signs;
 * reads are the node's {@code lux_listSubnets}, {@code lux_getMetagraph} and {@code mt_getAIResult}. Holds what its
 * subcommands take from the outside world, so tests can stand in for the terminal.
 */
@Command(
    name = "ai",
    mixinStandardHelpOptions = true,
    description = {"The AI network: subnets, neurons, stake, weights and AI tasks (docs/ai-network.md).",
        "Transactions are signed on this machine with a keystore key (--from), after the node has estimated them: a "
            + "call the contract would refuse stops with its reason before a password is asked, and nothing is sent.",
        "Exit codes: 0 done, 1 no such key, subnet or task, 2 usage (checked before anything is sent), 3 node "
            + "unreachable, 4 other failures (a revert, with its reason)."},
    subcommands = {AiSubnetCommand.class, AiRegisterCommand.class, AiStakeCommand.class, AiWeightsCommand.class,
        AiTaskCommand.class},
    footer = {"", "Examples:",
        "  luxtensor ai subnet create vision --tempo 99 --from alice",
        "  luxtensor ai register 0 miner-1 --from alice",
        "  luxtensor ai stake add 0 validator-1 100 --from alice",
        "  luxtensor ai weights set 0 --uids 1,2 --values 100,200 --from validator-1",
        "  luxtensor ai subnet show 0",
        "  luxtensor ai task submit 0 --model \"$MODEL\" --input \"$INPUT\" \\",
        "      --input-uri ipfs://input --deadline +20 --fee 10 --from alice",
        "",
        "Run 'luxtensor ai COMMAND --help' for a command's options and examples."})
final class AiCommand implements Runnable {
  /** Where prompts go; tests, which have no terminal, put a scripted one here before running the command line. */
  UserConsole console = new SystemConsole();
  /** For commit-reveal salts. */
  SecureRandom random = new SecureRandom();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** 32 random bytes that hide a commitment until its reveal. */
  byte[] randomSalt() {
    byte[] salt = new byte[AiArguments.BYTES32_LENGTH];
    random.nextBytes(salt);
    return salt;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: subnet, register, stake, "
        + "weights or task");
  }
}
