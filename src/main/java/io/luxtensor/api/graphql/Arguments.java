package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.luxtensor.ai.SubnetHyperparameters;
import java.util.Optional;

/**
 * Arguments of LuxTensor's fields bounded beyond their type; a bad one is a failure that names it. (A Long is never
 * negative: the scalar refuses that.)
 */
final class Arguments {

  private Arguments() {}

  /** A netuid or UID argument: a u16, as the JSON-RPC methods take them. */
  static int u16(DataFetchingEnvironment env, String name) {
    return u16(name, env.<Long>getArgument(name));
  }

  /** An optional netuid or UID argument: empty when not given, else a u16. */
  static Optional<Integer> optionalU16(DataFetchingEnvironment env, String name) {
    return Optional.ofNullable(env.<Long>getArgument(name)).map(value -> u16(name, value));
  }

  /** An optional count, such as a page's offset or limit: {@code otherwise} when not given, at most {@code max}. */
  static long count(DataFetchingEnvironment env, String name, long otherwise, long max) {
    Long value = env.getArgument(name);
    if (value == null) {
      return otherwise;
    }
    if (value > max) {
      throw new GraphQlFailure(name + " is at most " + max + ", not " + value);
    }
    return value;
  }

  private static int u16(String name, long value) {
    if (value > SubnetHyperparameters.U16_MAX) {
      throw new GraphQlFailure(name + " is a u16 (at most " + SubnetHyperparameters.U16_MAX + "), not " + value);
    }
    return (int) value;
  }
}
