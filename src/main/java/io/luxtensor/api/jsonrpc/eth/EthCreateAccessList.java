package io.luxtensor.api.jsonrpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.api.BlockchainQueries;
import io.luxtensor.api.CallSimulator;
import io.luxtensor.api.jsonrpc.BlockParameter;
import io.luxtensor.api.jsonrpc.BlockResolver;
import io.luxtensor.api.jsonrpc.JsonRpcError;
import io.luxtensor.api.jsonrpc.JsonRpcException;
import io.luxtensor.api.jsonrpc.JsonRpcMethod;
import io.luxtensor.api.jsonrpc.JsonRpcParams;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.execution.Message;
import io.luxtensor.execution.TransactionResult;
import io.luxtensor.state.StorageSlot;
import io.luxtensor.types.AccessListEntry;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code eth_createAccessList(transaction, block)}: the EIP-2930 access list of the storage the call touches, and the
 * gas it uses with that list attached, as Geth computes them: the given list plus every slot read or written (of
 * reverted calls too), without the sender and recipient unless slots of theirs were touched.
 *
 * <p>Only system contracts have storage until a general EVM lands, so the list names their slots (ChainInfo's ping
 * counter, for one) and is empty for transfers. Our execution prices storage at fixed costs with no warm-access
 * discount, so attaching the list only adds its intrinsic cost (2,400 gas an address, 1,900 a slot): gasUsed says so
 * honestly, and a wallet may leave the list off.
 */
public final class EthCreateAccessList implements JsonRpcMethod {
  /**
   * Geth re-runs until the list stops changing. Here the slots a call touches do not depend on the list, so the
   * second run is always stable; the bound keeps a future EVM, where they might, from looping.
   */
  static final int ROUNDS_MAX = 5;

  private final BlockResolver blocks;
  private final CallSimulator simulator;

  public EthCreateAccessList(BlockchainQueries chain, CallSimulator simulator) {
    this.blocks = new BlockResolver(chain);
    this.simulator = simulator;
  }

  @Override
  public String name() {
    return "eth_createAccessList";
  }

  @Override
  public Object execute(JsonRpcParams params) throws JsonRpcException {
    params.atMost(2);
    BlockHeader header = blocks.require(params.block(1, "block", BlockParameter.LATEST));
    CallParameters call = CallParameters.parse(params, 0, header);
    for (int round = 0; round < ROUNDS_MAX; round++) {
      CallSimulator.Traced traced = simulator.simulateTracingStorage(call.message(), header, call.hasFeeFields());
      if (traced.result() instanceof TransactionResult.Invalid invalid) {
        throw new JsonRpcException(JsonRpcError.SERVER_ERROR, invalid.message());
      }
      List<AccessListEntry> touched = accessList(call, traced.accessedStorage());
      if (touched.equals(call.accessList())) {
        return result(touched, (TransactionResult.Executed) traced.result());
      }
      call = call.withAccessList(touched);
    }
    throw new IllegalStateException("access list did not settle in " + ROUNDS_MAX + " rounds");
  }

  private static List<AccessListEntry> accessList(CallParameters call, Set<StorageSlot> accessed) {
    Message message = call.message();
    Map<Address, TreeSet<Hash>> slots = new TreeMap<>();
    for (AccessListEntry given : call.accessList()) {
      boolean excluded = given.address().equals(message.sender())
          || message.to().map(given.address()::equals).orElse(false);
      if (!excluded || !given.storageKeys().isEmpty()) {
        slots.computeIfAbsent(given.address(), a -> new TreeSet<>()).addAll(given.storageKeys());
      }
    }
    accessed.forEach(slot -> slots.computeIfAbsent(slot.address(), a -> new TreeSet<>()).add(slot.slot()));
    List<AccessListEntry> out = new ArrayList<>();
    slots.forEach((address, keys) -> out.add(new AccessListEntry(address, List.copyOf(keys))));
    return out;
  }

  private static ObjectNode result(List<AccessListEntry> accessList, TransactionResult.Executed executed) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode entries = out.putArray("accessList");
    for (AccessListEntry entry : accessList) {
      ObjectNode e = entries.addObject();
      e.put("address", entry.address().toHex());
      ArrayNode keys = e.putArray("storageKeys");
      entry.storageKeys().forEach(k -> keys.add(k.toHex()));
    }
    if (!executed.succeeded()) {
      out.put("error", executed.revertReason().isEmpty()
          ? "execution reverted" : "execution reverted: " + executed.revertReason());
    }
    out.put("gasUsed", JsonRpcResults.quantity(executed.gasUsed()));
    return out;
  }
}
