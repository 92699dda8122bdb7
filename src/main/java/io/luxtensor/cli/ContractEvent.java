package io.luxtensor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.luxtensor.bytes.Hex;
import io.luxtensor.bytes.HexFormatException;
import io.luxtensor.execution.abi.Abi;
import io.luxtensor.execution.abi.AbiDecodingException;
import io.luxtensor.execution.abi.AbiType;
import io.luxtensor.types.Address;
import java.util.List;

/**
 * An event a system contract emits, found in a receipt by its address and topic 0 and decoded from its data.
 *
 * @param contract the contract that emits it
 * @param signature the event's canonical signature, e.g. {@code WeightsCommitted(address,uint16,bytes32)}
 * @param data the types of its fields that are not indexed, in order: what its log's data holds
 */
record ContractEvent(Address contract, String signature, List<AbiType> data) {

  ContractEvent {
    data = List.copyOf(data);
  }

  /**
   * The data fields of the first such event in {@code receipt}.
   *
   * @throws CliException if the receipt has none, or a malformed one: a successful call that emits it always does
   */
  List<Object> decodeFrom(JsonNode receipt) {
    String topic = Hex.encode(Abi.eventTopic(signature));
    for (JsonNode log : receipt.path("logs")) {
      if (log.path("address").asText().equalsIgnoreCase(contract.toHex())
          && log.path("topics").path(0).asText().equalsIgnoreCase(topic)) {
        try {
          return Abi.decode(data, Hex.decodePrefixed(log.path("data").asText()));
        } catch (HexFormatException | AbiDecodingException e) {
          throw new CliException(ExitCodes.FAILED, "the receipt's " + signature + " log is malformed: "
              + e.getMessage(), e);
        }
      }
    }
    throw new CliException(ExitCodes.FAILED, "the receipt " + receipt.path("transactionHash").asText()
        + " has no " + signature + " log from " + contract.toChecksumHex());
  }
}
