package io.luxtensor.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.luxtensor.bytes.Bytes;
import io.luxtensor.crypto.Signature;
import io.luxtensor.types.AccessListEntry;
import io.luxtensor.types.LegacyTransaction;
import io.luxtensor.types.Receipt;
import io.luxtensor.types.Transaction;
import io.luxtensor.types.TransactionType;
import java.math.BigInteger;
import java.util.List;

/**
 * EIP-1767's Transaction and AccessTuple fields. Receipt fields (status, gas used, logs) read the block's receipts on
 * a worker, once per block and request; they are null while the transaction is pending. Contract creation and blobs
 * do not exist on LuxTensor, so createdContract and the blob fields are null.
 */
final class TransactionFields implements FieldGroup {
  private final ChainViews views;
  private final Offload offload;

  TransactionFields(ChainViews views, Offload offload) {
    this.views = views;
    this.offload = offload;
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Transaction", type -> type
        .dataFetcher("hash", env -> view(env).hash())
        .dataFetcher("nonce", env -> tx(env).nonce())
        .dataFetcher("index", env -> view(env).block().isPresent() ? (long) view(env).index() : null)
        .dataFetcher("from", offload.fetcher(env ->
            new AccountView(view(env).sender(), views.headerAt(env.getArgument("block")), false)))
        .dataFetcher("to", offload.fetcher(env -> tx(env).to()
            .map(to -> new AccountView(to, views.headerAt(env.getArgument("block")), false)).orElse(null)))
        .dataFetcher("value", env -> tx(env).value())
        .dataFetcher("gasPrice", TransactionFields::gasPrice)
        .dataFetcher("maxFeePerGas", env -> dynamicFee(env) ? tx(env).maxFeePerGas() : null)
        .dataFetcher("maxPriorityFeePerGas", env -> dynamicFee(env) ? tx(env).maxPriorityFeePerGas() : null)
        .dataFetcher("maxFeePerBlobGas", env -> null)
        .dataFetcher("effectiveTip", TransactionFields::effectiveTip)
        .dataFetcher("gas", env -> tx(env).gasLimit())
        .dataFetcher("inputData", env -> tx(env).data())
        .dataFetcher("block", env -> view(env).block().orElse(null))
        .dataFetcher("status", offload.fetcher(env -> receipt(env) == null ? null : receipt(env).succeeded() ? 1L : 0L))
        .dataFetcher("gasUsed", offload.fetcher(TransactionFields::gasUsed))
        .dataFetcher("cumulativeGasUsed", offload.fetcher(env ->
            receipt(env) == null ? null : receipt(env).cumulativeGasUsed()))
        .dataFetcher("effectiveGasPrice", env -> view(env).block()
            .map(block -> tx(env).effectiveGasPrice(block.header().baseFeePerGas())).orElse(null))
        .dataFetcher("blobGasUsed", env -> null)
        .dataFetcher("blobGasPrice", env -> null)
        .dataFetcher("createdContract", env -> null)
        .dataFetcher("logs", offload.fetcher(TransactionFields::logs))
        .dataFetcher("r", env -> signature(env).r())
        .dataFetcher("s", env -> signature(env).s())
        .dataFetcher("v", env -> tx(env) instanceof LegacyTransaction legacy
            ? legacy.v(signature(env)) : BigInteger.valueOf(signature(env).recoveryId()))
        .dataFetcher("yParity", env -> tx(env) instanceof LegacyTransaction
            ? null : BigInteger.valueOf(signature(env).recoveryId()))
        .dataFetcher("type", env -> (long) tx(env).type().id())
        .dataFetcher("accessList", env -> tx(env).accessList())
        .dataFetcher("raw", offload.fetcher(env -> Bytes.of(tx(env).encode())))
        .dataFetcher("rawReceipt", offload.fetcher(env ->
            receipt(env) == null ? Bytes.EMPTY : Bytes.of(receipt(env).encode())))
        .dataFetcher("blobVersionedHashes", env -> null));
    wiring.type("AccessTuple", type -> type
        .dataFetcher("address", env -> env.<AccessListEntry>getSource().address())
        .dataFetcher("storageKeys", env -> env.<AccessListEntry>getSource().storageKeys()));
  }

  private static TransactionView view(DataFetchingEnvironment env) {
    return env.getSource();
  }

  private static Transaction tx(DataFetchingEnvironment env) {
    return view(env).tx();
  }

  private static Signature signature(DataFetchingEnvironment env) {
    return tx(env).requireSignature();
  }

  private static boolean dynamicFee(DataFetchingEnvironment env) {
    return tx(env).type() == TransactionType.DYNAMIC_FEE;
  }

  /** In a block, the price paid; while pending, the most it may pay (as eth_getTransactionByHash answers). */
  private static BigInteger gasPrice(DataFetchingEnvironment env) {
    return view(env).block().map(block -> tx(env).effectiveGasPrice(block.header().baseFeePerGas()))
        .orElse(tx(env).maxFeePerGas());
  }

  private static BigInteger effectiveTip(DataFetchingEnvironment env) {
    return view(env).block().map(block -> {
      BigInteger baseFee = block.header().baseFeePerGas();
      return tx(env).effectiveGasPrice(baseFee).subtract(baseFee);
    }).orElse(null);
  }

  /** The receipt of an included transaction (read on a worker), null while pending. */
  private static Receipt receipt(DataFetchingEnvironment env) {
    TransactionView view = view(env);
    return view.block().map(block -> block.receipts().get(view.index())).orElse(null);
  }

  private static Long gasUsed(DataFetchingEnvironment env) {
    TransactionView view = view(env);
    if (view.block().isEmpty()) {
      return null;
    }
    List<Receipt> receipts = view.block().get().receipts();
    long before = view.index() == 0 ? 0 : receipts.get(view.index() - 1).cumulativeGasUsed();
    return receipts.get(view.index()).cumulativeGasUsed() - before;
  }

  private static List<LogView> logs(DataFetchingEnvironment env) {
    TransactionView view = view(env);
    return view.block().map(block -> block.logs().stream()
        .filter(log -> log.transaction().index() == view.index()).toList()).orElse(null);
  }
}
