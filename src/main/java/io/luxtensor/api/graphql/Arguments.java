package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.luxtensor.ai.SubnetHyperparameters;

/**
 * Arguments of LuxTensor's fields bounded beyond their type; a bad one is a failure that names it. (A Long is never
 * negative: the scalar refuses that.)
 */
final class Arguments {

  private Arguments() {}

  /** A netuid or UID argument: a u16, as the JSON-RPC methods take them. */
  static int u16(DataFetchingEnvironment env, String name) {
    long value = env.<Long>getArgument(name);
    if (value > SubnetHyperparameters.U16_MAX) {
      throw new GraphQlFailure(name + " is a u16 (at most " + SubnetHyperparameters.U16_MAX + "), not " + value);
    }
    return (int) value;
  }
}
