package io.luxtensor.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.consensus.RotationParameters;
import io.luxtensor.consensus.StakingParameters;
import io.luxtensor.consensus.Validator;
import io.luxtensor.types.Address;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A genesis file: chain parameters (staking rules included), the first block's fields, prefunded accounts and the
 * first validators. The format is documented in docs/genesis.md; numbers are JSON-RPC quantities (0x hex) or
 * decimal strings.
 *
 * @param parameters chain parameters (config section and timestamp)
 * @param gasLimit the genesis block's gas limit
 * @param baseFeePerGas the genesis block's base fee
 * @param extraData up to 32 bytes
 * @param alloc prefunded accounts
 * @param validators the validators active from slot 0
 */
public record GenesisSpec(ChainParameters parameters, long gasLimit, BigInteger baseFeePerGas, Bytes extraData,
    SortedMap<Address, GenesisAccount> alloc, List<Validator> validators) {

  /**
   * A prefunded account.
   *
   * @param balance in wei
   * @param nonce its nonce
   * @param storage initial storage
   */
  public record GenesisAccount(Wei balance, long nonce, SortedMap<Hash, BigInteger> storage) {}

  /**
   * Whether the chain's validators stake in the staking contract: a chain of several validators, whose set then
   * changes by staking, rotation and slashing (docs/consensus.md). The single-validator dev chain keeps its one
   * validator.
   */
  public boolean validatorsStake() {
    return validators.size() > 1;
  }

  public static final long DEFAULT_SLOT_MILLIS = 500;
  public static final int DEFAULT_SLOTS_PER_EPOCH = 32;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
  private static final Set<String> TOP_LEVEL = Set.of(
      "config", "timestamp", "gasLimit", "baseFeePerGas", "extraData", "alloc", "validators");
  private static final Set<String> CONFIG =
      Set.of("chainId", "slotMillis", "slotsPerEpoch", "minBaseFeePerGas", "staking");

  /** This spec as a genesis file that {@link #parse} reads back to an equal spec. */
  public String toJson() {
    ObjectNode top = JSON.createObjectNode();
    ObjectNode config = top.putObject("config");
    config.put("chainId", parameters.chainId());
    config.put("slotMillis", parameters.slotMillis());
    config.put("slotsPerEpoch", parameters.slotsPerEpoch());
    config.put("minBaseFeePerGas", Hex.encodeQuantity(parameters.minBaseFeePerGas()));
    StakingConfig.write(config, parameters.staking());
    top.put("timestamp", Hex.encodeQuantity(parameters.genesisTimeMillis() / 1000));
    top.put("gasLimit", Hex.encodeQuantity(gasLimit));
    top.put("baseFeePerGas", Hex.encodeQuantity(baseFeePerGas));
    top.put("extraData", extraData.toHex());
    ObjectNode allocNode = top.putObject("alloc");
    alloc.forEach((address, account) -> {
      ObjectNode a = allocNode.putObject(address.toChecksumHex());
      a.put("balance", Hex.encodeQuantity(account.balance().value()));
      if (account.nonce() != 0) {
        a.put("nonce", Hex.encodeQuantity(account.nonce()));
      }
      if (!account.storage().isEmpty()) {
        ObjectNode storage = a.putObject("storage");
        account.storage().forEach((slot, value) -> storage.put(slot.toHex(), Hex.encodeQuantity(value)));
      }
    });
    ArrayNode validatorsNode = top.putArray("validators");
    validators.forEach(v -> validatorsNode.addObject()
        .put("address", v.address().toChecksumHex())
        .put("stake", Hex.encodeQuantity(v.stake().value()))
        .put("vrfPublicKey", v.vrfPublicKey().toHex()));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(top) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialize", e);
    }
  }

  /** @throws GenesisException naming the missing or malformed field */
  public static GenesisSpec parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new GenesisException("genesis is not valid JSON: " + e.getOriginalMessage());
    }
    ObjectNode top = object(root, "genesis");
    onlyKnownKeys(top, TOP_LEVEL, "genesis");
    ObjectNode config = object(top.get("config"), "config");
    onlyKnownKeys(config, CONFIG, "config");
    StakingParameters staking = StakingConfig.parse(config.get("staking"));
    ChainParameters parameters;
    try {
      parameters = new ChainParameters(
          longField(config, "chainId", null),
          Math.multiplyExact(longField(top, "timestamp", 0L), 1000),
          longField(config, "slotMillis", DEFAULT_SLOT_MILLIS),
          Math.toIntExact(longField(config, "slotsPerEpoch", (long) DEFAULT_SLOTS_PER_EPOCH)),
          quantity(config, "minBaseFeePerGas", BigInteger.ZERO),
          staking);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new GenesisException("config: " + e.getMessage());
    }
    Bytes extraData = top.has("extraData") ? bytes(top.get("extraData"), "extraData") : Bytes.EMPTY;
    if (extraData.length() > 32) {
      throw new GenesisException("extraData: at most 32 bytes, got " + extraData.length());
    }
    List<Validator> validators = validators(top.get("validators"));
    withinStakingRules(validators, staking.rotation());
    return new GenesisSpec(parameters, longField(top, "gasLimit", null), quantity(top, "baseFeePerGas", null),
        extraData, alloc(top.get("alloc")), validators);
  }

  /** The first validators hold seats and stakes the staking rules allow: rotation would otherwise not let them be. */
  private static void withinStakingRules(List<Validator> validators, RotationParameters rotation) {
    if (validators.size() > rotation.activeMax()) {
      throw new GenesisException("validators: " + validators.size()
          + " listed, more than config.staking.activeValidatorsMax (" + rotation.activeMax() + ")");
    }
    for (int i = 0; i < validators.size(); i++) {
      if (validators.get(i).stake().compareTo(rotation.minimumStake()) < 0) {
        throw new GenesisException("validators[" + i + "].stake: " + validators.get(i).stake()
            + " is below config.staking.minimumStake (" + rotation.minimumStake() + ")");
      }
    }
  }

  private static SortedMap<Address, GenesisAccount> alloc(JsonNode node) {
    SortedMap<Address, GenesisAccount> out = new TreeMap<>();
    if (node == null) {
      return out;
    }
    for (Map.Entry<String, JsonNode> entry : object(node, "alloc").properties()) {
      String where = "alloc." + entry.getKey();
      Address address = address(entry.getKey(), where);
      ObjectNode account = object(entry.getValue(), where);
      onlyKnownKeys(account, Set.of("balance", "nonce", "storage"), where);
      SortedMap<Hash, BigInteger> storage = new TreeMap<>();
      if (account.has("storage")) {
        for (Map.Entry<String, JsonNode> slot : object(account.get("storage"), where + ".storage").properties()) {
          storage.put(hash(slot.getKey(), where + ".storage"), quantityOf(slot.getValue(), where + ".storage." + slot.getKey()));
        }
      }
      out.put(address, new GenesisAccount(Wei.of(quantity(account, "balance", BigInteger.ZERO)),
          longField(account, "nonce", 0L), storage));
    }
    return out;
  }

  private static List<Validator> validators(JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new GenesisException("validators: a chain needs at least one validator");
    }
    List<Validator> out = new ArrayList<>();
    Iterator<JsonNode> elements = ((ArrayNode) node).elements();
    for (int i = 0; elements.hasNext(); i++) {
      String where = "validators[" + i + "]";
      ObjectNode v = object(elements.next(), where);
      onlyKnownKeys(v, Set.of("address", "stake", "vrfPublicKey"), where);
      try {
        out.add(new Validator(address(text(v, "address", where), where + ".address"),
            Wei.of(quantity(v, "stake", null)), bytes(v.get("vrfPublicKey"), where + ".vrfPublicKey")));
      } catch (IllegalArgumentException e) {
        throw new GenesisException(where + ": " + e.getMessage());
      }
    }
    return out;
  }

  static ObjectNode object(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new GenesisException(where + ": expected a JSON object");
    }
    return (ObjectNode) node;
  }

  static void onlyKnownKeys(ObjectNode node, Set<String> known, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new GenesisException(where + ": unknown field \"" + name + "\" (known: "
            + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private static String text(ObjectNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new GenesisException(where + "." + field + ": expected a string");
    }
    return value.asText();
  }

  private static long longField(ObjectNode node, String field, Long fallback) {
    BigInteger value = quantity(node, field, fallback == null ? null : BigInteger.valueOf(fallback));
    if (value.bitLength() > 63) {
      throw new GenesisException(field + ": " + value + " exceeds 2^63-1");
    }
    return value.longValueExact();
  }

  private static BigInteger quantity(ObjectNode node, String field, BigInteger fallback) {
    JsonNode value = node.get(field);
    if (value == null) {
      if (fallback == null) {
        throw new GenesisException(field + ": required");
      }
      return fallback;
    }
    return quantityOf(value, field);
  }

  static BigInteger quantityOf(JsonNode value, String where) {
    try {
      if (value.isIntegralNumber()) {
        BigInteger number = value.bigIntegerValue();
        if (number.signum() < 0) {
          throw new GenesisException(where + ": must not be negative");
        }
        return number;
      }
      if (value.isTextual()) {
        String text = value.asText();
        return text.startsWith("0x") ? Hex.decodeQuantity(text) : new BigInteger(text);
      }
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ": not a quantity (0x hex or decimal): " + e.getMessage());
    }
    throw new GenesisException(where + ": expected a number or a quantity string");
  }

  private static Bytes bytes(JsonNode value, String where) {
    if (value == null || !value.isTextual()) {
      throw new GenesisException(where + ": expected 0x-prefixed hex");
    }
    try {
      return Bytes.of(Hex.decodePrefixed(value.asText()));
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ": " + e.getMessage());
    }
  }

  private static Address address(String text, String where) {
    try {
      return Address.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ": " + e.getMessage());
    }
  }

  private static Hash hash(String text, String where) {
    try {
      return Hash.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ": " + e.getMessage());
    }
  }
}
