package io.luxtensor.api.jsonrpc.dev;

import io.luxtensor.api.DevControls;
import io.luxtensor.api.jsonrpc.JsonRpcAlias;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.ai.MtSubmitAITask;
import io.luxtensor.api.jsonrpc.JsonRpcMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The dev-only methods, registered in one place; they replace the standard ones of the same name (eth_accounts). */
public final class DevJsonRpcMethods {
  private DevJsonRpcMethods() {}

  public static List<JsonRpcMethod> create(JsonRpcMethods.Context c, DevKeys keys, DevControls controls) {
    EthSendTransaction sendTransaction = new EthSendTransaction(keys, c.chain(), c.pool(), c.simulator(),
        c.minBaseFee());
    MtSubmitAITaskDev submitTask = new MtSubmitAITaskDev(new MtSubmitAITask(c.validator(), c.pool()),
        sendTransaction, c.pool());
    return List.of(
        new EthAccountsDev(keys),
        sendTransaction,
        submitTask,
        new JsonRpcAlias("lux_submitAITask", submitTask),
        new EthSign(keys),
        new PersonalSign(keys),
        new EthSignTypedDataV4(keys),
        new EvmMine(controls),
        new EvmIncreaseTime(controls));
  }

  /** {@code standard} with every method of {@code dev} in place of the standard one of its name. */
  public static List<JsonRpcMethod> overlay(List<JsonRpcMethod> standard, List<JsonRpcMethod> dev) {
    Set<String> replaced = dev.stream().map(JsonRpcMethod::name).collect(Collectors.toSet());
    List<JsonRpcMethod> out = new ArrayList<>();
    standard.stream().filter(m -> !replaced.contains(m.name())).forEach(out::add);
    out.addAll(dev);
    return out;
  }
}
