package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.execution.FeeMarket;
import io.luxtensor.rlp.Rlp;
import io.luxtensor.rlp.RlpList;
import io.luxtensor.types.Address;
import io.luxtensor.types.BlockHeader;
import io.luxtensor.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * EIP-1767's Block fields. LuxTensor has no proof of work, uncles, withdrawals or blobs: nonce and difficulty are
 * zero, ommers empty, and the withdrawal and blob fields null ("unavailable", as the schema allows).
 */
final class BlockFields implements FieldGroup {
  /** keccak256(rlp([])): the ommers hash of every block, since LuxTensor has no uncles. */
  static final Hash EMPTY_OMMERS_HASH = Hash.keccak(Rlp.encode(RlpList.of()));
  private static final Bytes ZERO_NONCE = Bytes.of(new byte[8]);

  private final ChainViews views;
  private final Calls calls;
  private final Offload offload;
  private final BigInteger minBaseFee;

  BlockFields(ChainViews views, Calls calls, Offload offload, BigInteger minBaseFee) {
    this.views = views;
    this.calls = calls;
    this.offload = offload;
    this.minBaseFee = minBaseFee;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Block", type -> type
        .dataFetcher("number", env -> header(env).number())
        .dataFetcher("hash", env -> block(env).hash())
        .dataFetcher("parent", offload.fetcher(this::parent))
        .dataFetcher("nonce", env -> ZERO_NONCE)
        .dataFetcher("transactionsRoot", env -> header(env).transactionsRoot())
        .dataFetcher("transactionCount", env -> (long) block(env).stored().block().transactions().size())
        .dataFetcher("stateRoot", env -> header(env).stateRoot())
        .dataFetcher("receiptsRoot", env -> header(env).receiptsRoot())
        .dataFetcher("miner", offload.fetcher(this::miner))
        .dataFetcher("extraData", env -> header(env).extraData())
        .dataFetcher("gasLimit", env -> header(env).gasLimit())
        .dataFetcher("gasUsed", env -> header(env).gasUsed())
        .dataFetcher("baseFeePerGas", env -> header(env).baseFeePerGas())
        .dataFetcher("nextBaseFeePerGas", env -> nextBaseFee(header(env)))
        .dataFetcher("timestamp", env -> header(env).timestamp())
        .dataFetcher("logsBloom", env -> header(env).logsBloom())
        .dataFetcher("mixHash", env -> header(env).randaoMix())
        .dataFetcher("difficulty", env -> BigInteger.ZERO)
        .dataFetcher("ommerCount", env -> 0L)
        .dataFetcher("ommers", env -> List.of())
        .dataFetcher("ommerAt", env -> null)
        .dataFetcher("ommerHash", env -> EMPTY_OMMERS_HASH)
        .dataFetcher("transactions", offload.fetcher(env -> block(env).transactions()))
        .dataFetcher("transactionAt", offload.fetcher(this::transactionAt))
        .dataFetcher("account", env -> new AccountView(env.getArgument("address"), header(env), false))
        .dataFetcher("call", offload.fetcher(env -> calls.call(callData(env), header(env))))
        .dataFetcher("estimateGas", offload.fetcher(env -> calls.estimateGas(callData(env), header(env))))
        .dataFetcher("rawHeader", offload.fetcher(env -> Bytes.of(header(env).encode())))
        .dataFetcher("raw", offload.fetcher(env -> Bytes.of(block(env).stored().block().encode())))
        .dataFetcher("withdrawalsRoot", env -> null)
        .dataFetcher("withdrawals", env -> null)
        .dataFetcher("blobGasUsed", env -> null)
        .dataFetcher("excessBlobGas", env -> null));
  }

  private static BlockView block(DataFetchingEnvironment env) {
    return env.getSource();
  }

  private static BlockHeader header(DataFetchingEnvironment env) {
    return block(env).header();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> callData(DataFetchingEnvironment env) {
    return (Map<String, Object>) env.getArgument("data");
  }

  private BlockView parent(DataFetchingEnvironment env) {
    BlockHeader header = header(env);
    return header.number() == 0 ? null : views.byHash(header.parentHash()).orElse(null);
  }

  /** Like Geth, the proposer's account at the given block, the head by default (not at this block). */
  private AccountView miner(DataFetchingEnvironment env) {
    Address proposer = header(env).proposer();
    return new AccountView(proposer, views.headerAt(env.getArgument("block")), false);
  }

  private TransactionView transactionAt(DataFetchingEnvironment env) {
    long index = env.<Long>getArgument("index");
    List<TransactionView> transactions = block(env).transactions();
    return index < transactions.size() ? transactions.get((int) index) : null;
  }

  private BigInteger nextBaseFee(BlockHeader header) {
    return FeeMarket.nextBaseFee(header.gasUsed(), header.gasLimit(), header.baseFeePerGas(), minBaseFee);
  }
}
