package io.luxtensor.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import io.luxtensor.api.jsonrpc.JsonRpcResults;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.bytes.Hex;
import io.luxtensor.types.Address;
import io.luxtensor.types.Bloom;
import io.luxtensor.types.Hash;
import io.luxtensor.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * EIP-1767's scalars. Output is 0x-prefixed lowercase hex (quantities without leading zeros, as in JSON-RPC); input
 * of {@code Long} and {@code BigInt} is a JSON number or a decimal or 0x-hex string, as the schema documents.
 */
final class EthereumScalars {
  static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  static final GraphQLScalarType LONG = scalar("Long", new Coercing<Long, String>() {
    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      return switch (value) {
        case Long l -> JsonRpcResults.quantity(l);
        case Integer i -> JsonRpcResults.quantity(i.longValue());
        default -> throw cannotSerialize("Long", value);
      };
    }

    @Override
    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
      return parseLong(input, CoercingParseValueException::new);
    }

    @Override
    public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      return parseLong(literal(input), CoercingParseLiteralException::new);
    }
  });

  static final GraphQLScalarType BIG_INT = scalar("BigInt", new Coercing<BigInteger, String>() {
    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      return switch (value) {
        case BigInteger b -> JsonRpcResults.quantity(b);
        case Wei w -> JsonRpcResults.quantity(w.value());
        case Long l -> JsonRpcResults.quantity(l);
        default -> throw cannotSerialize("BigInt", value);
      };
    }

    @Override
    public BigInteger parseValue(Object input, GraphQLContext context, Locale locale) {
      return parseBigInt(input, CoercingParseValueException::new);
    }

    @Override
    public BigInteger parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
        Locale locale) {
      return parseBigInt(literal(input), CoercingParseLiteralException::new);
    }
  });

  static final GraphQLScalarType BYTES = scalar("Bytes", new Coercing<Bytes, String>() {
    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      return switch (value) {
        case Bytes b -> b.toHex();
        case byte[] b -> Hex.encode(b);
        case Bloom b -> Hex.encode(b.toBytes());
        default -> throw cannotSerialize("Bytes", value);
      };
    }

    @Override
    public Bytes parseValue(Object input, GraphQLContext context, Locale locale) {
      return Bytes.of(hex(input, "Bytes", CoercingParseValueException::new));
    }

    @Override
    public Bytes parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      return Bytes.of(hex(literal(input), "Bytes", CoercingParseLiteralException::new));
    }
  });

  static final GraphQLScalarType BYTES32 = scalar("Bytes32", new Coercing<Hash, String>() {
    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      if (value instanceof Hash hash) {
        return hash.toHex();
      }
      throw cannotSerialize("Bytes32", value);
    }

    @Override
    public Hash parseValue(Object input, GraphQLContext context, Locale locale) {
      return bytes32(input, CoercingParseValueException::new);
    }

    @Override
    public Hash parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      return bytes32(literal(input), CoercingParseLiteralException::new);
    }
  });

  static final GraphQLScalarType ADDRESS = scalar("Address", new Coercing<Address, String>() {
    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      if (value instanceof Address address) {
        return address.toHex();
      }
      throw cannotSerialize("Address", value);
    }

    @Override
    public Address parseValue(Object input, GraphQLContext context, Locale locale) {
      return address(input, CoercingParseValueException::new);
    }

    @Override
    public Address parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
        Locale locale) {
      return address(literal(input), CoercingParseLiteralException::new);
    }
  });

  private EthereumScalars() {}

  static List<GraphQLScalarType> all() {
    return List.of(LONG, BIG_INT, BYTES, BYTES32, ADDRESS);
  }

  private static GraphQLScalarType scalar(String name, Coercing<?, ?> coercing) {
    return GraphQLScalarType.newScalar().name(name).coercing(coercing).build();
  }

  /** A literal's Java value: the digits of an integer literal, the text of a string literal. */
  private static Object literal(Value<?> input) {
    return switch (input) {
      case IntValue i -> i.getValue();
      case StringValue s -> s.getValue();
      default -> new OtherLiteral(input.getClass().getSimpleName().replace("Value", "").toLowerCase(Locale.ROOT));
    };
  }

  /** A literal no scalar here accepts (float, boolean, enum, list, object), kept only to name it in the error. */
  private record OtherLiteral(String kind) {
    @Override
    public String toString() {
      return "a " + kind + " literal";
    }
  }

  private static <E extends RuntimeException> long parseLong(Object input, Function<String, E> error) {
    BigInteger value = parseBigInt(input, error);
    if (value.compareTo(LONG_MAX) > 0) {
      throw error.apply("Long must be at most 2^63 - 1, got " + value);
    }
    return value.longValueExact();
  }

  private static <E extends RuntimeException> BigInteger parseBigInt(Object input, Function<String, E> error) {
    BigInteger value;
    switch (input) {
      case BigInteger b -> value = b;
      case Long l -> value = BigInteger.valueOf(l);
      case Integer i -> value = BigInteger.valueOf(i);
      case String s -> {
        try {
          value = s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
        } catch (NumberFormatException e) {
          throw error.apply("expected a number, a decimal string or a 0x-hex string, got \"" + abbreviate(s) + "\"");
        }
      }
      default -> throw error.apply("expected a number or a string, got " + describe(input));
    }
    if (value.signum() < 0) {
      throw error.apply("must not be negative, got " + value);
    }
    return value;
  }

  private static <E extends RuntimeException> byte[] hex(Object input, String type, Function<String, E> error) {
    if (!(input instanceof String text)) {
      throw error.apply(type + " is a 0x-prefixed hex string, got " + describe(input));
    }
    try {
      return Hex.decodePrefixed(text);
    } catch (IllegalArgumentException e) {
      throw error.apply(type + " is a 0x-prefixed hex string: " + e.getMessage());
    }
  }

  private static <E extends RuntimeException> Hash bytes32(Object input, Function<String, E> error) {
    byte[] bytes = hex(input, "Bytes32", error);
    if (bytes.length != Hash.LENGTH) {
      throw error.apply("Bytes32 is 32 bytes (64 hex digits), got " + bytes.length + " bytes");
    }
    return Hash.wrap(bytes);
  }

  private static <E extends RuntimeException> Address address(Object input, Function<String, E> error) {
    if (!(input instanceof String text)) {
      throw error.apply("Address is a 0x-prefixed hex string, got " + describe(input));
    }
    try {
      return Address.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw error.apply(e.getMessage());
    }
  }

  private static CoercingSerializeException cannotSerialize(String type, Object value) {
    return new CoercingSerializeException("cannot serialize " + describe(value) + " as " + type);
  }

  private static String describe(Object value) {
    return value == null ? "null" : value instanceof String s ? "\"" + abbreviate(s) + "\"" : value.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }
}
