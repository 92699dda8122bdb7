package io.luxtensor.api.graphql;

import graphql.schema.idl.RuntimeWiring;

/** The fetchers of a group of schema fields; {@link LuxtensorGraphQl} adds every group to the wiring in one place. */
interface FieldGroup {

  void wire(RuntimeWiring.Builder wiring);
}
