package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.api.filter.LogCriteria;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Log search ({@code Query.logs}, {@code Block.logs}) and the Log fields. A search walks the canonical blocks of its
 * range, skips those whose bloom rules the filter out, and stops at {@link GraphQlLimits#logsResultsMax()} results.
 */
final class LogFields implements FieldGroup {
  private final ChainViews views;
  private final Offload offload;
  private final GraphQlLimits limits;

  LogFields(ChainViews views, Offload offload, GraphQlLimits limits) {
    this.views = views;
    this.offload = offload;
    this.limits = limits;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", type -> type.dataFetcher("logs", offload.fetcher(this::search)));
    wiring.type("Block", type -> type.dataFetcher("logs", offload.fetcher(env ->
        matching(env.<BlockView>getSource(), criteriaOf(criteria(env))))));
    wiring.type("Log", type -> type
        .dataFetcher("index", env -> (long) log(env).index())
        .dataFetcher("account", offload.fetcher(env ->
            new AccountView(log(env).log().address(), views.headerAt(env.getArgument("block")), false)))
        .dataFetcher("topics", env -> log(env).log().topics())
        .dataFetcher("data", env -> log(env).log().data())
        .dataFetcher("transaction", env -> log(env).transaction()));
  }

  private static LogView log(DataFetchingEnvironment env) {
    return env.getSource();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> criteria(DataFetchingEnvironment env) {
    return (Map<String, Object>) env.getArgument("filter");
  }

  private List<LogView> search(DataFetchingEnvironment env) {
    Map<String, Object> criteria = criteria(env);
    long head = views.chain().latest().number();
    long from = criteria.get("fromBlock") == null ? head : (Long) criteria.get("fromBlock");
    long to = criteria.get("toBlock") == null ? head : (Long) criteria.get("toBlock");
    if (from > to) {
      throw new GraphQlFailure("invalid block range: fromBlock " + from + " is after toBlock " + to);
    }
    if (to - from >= limits.logsBlockRangeMax()) {
      throw new GraphQlFailure("logs block range too large: " + Long.toUnsignedString(to - from + 1)
          + " blocks requested, at most " + limits.logsBlockRangeMax());
    }
    LogCriteria filter = criteriaOf(criteria);
    List<LogView> found = new ArrayList<>();
    for (long number = from; number <= Math.min(to, head); number++) {
      Optional<BlockHeader> header = views.chain().canonicalHash(number).flatMap(views.chain()::header);
      if (header.isEmpty()) {
        break;
      }
      if (!filter.mayMatch(header.get().logsBloom())) {
        continue;
      }
      found.addAll(matching(views.of(header.get()), filter));
      if (found.size() > limits.logsResultsMax()) {
        throw new GraphQlFailure("query returned more than " + limits.logsResultsMax() + " results");
      }
    }
    return found;
  }

  private static List<LogView> matching(BlockView block, LogCriteria filter) {
    return block.logs().stream().filter(view -> filter.matches(view.log())).toList();
  }

  /** The address and topic part of a FilterCriteria or BlockFilterCriteria argument, as eth_getLogs matches it. */
  @SuppressWarnings("unchecked")
  private static LogCriteria criteriaOf(Map<String, Object> criteria) {
    List<Address> addresses = (List<Address>) criteria.get("addresses");
    List<List<Hash>> topics = (List<List<Hash>>) criteria.get("topics");
    return new LogCriteria(addresses == null ? Set.of() : Set.copyOf(addresses),
        topics == null ? List.of() : topics.stream().<Set<Hash>>map(Set::copyOf).toList());
  }
}
