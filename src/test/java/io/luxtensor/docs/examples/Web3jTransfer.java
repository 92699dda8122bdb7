package io.luxtensor.docs.examples;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;

/** Sends 1.5 LUX from Hardhat's first dev account to the second with web3j, then prints the hash and the balance. */
public final class Web3jTransfer {
  /** Account (0) of {@code luxtensor dev}: a public test key, never use it on a real chain. */
  private static final String DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  public static final String TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  public static void main(String[] args) throws Exception {
    transfer(System.getenv().getOrDefault("LUXTENSOR_RPC", "http://127.0.0.1:8545"));
  }

  public static TransactionReceipt transfer(String rpcUrl) throws Exception {
    Web3j web3 = Web3j.build(new HttpService(rpcUrl));
    try {
      long chainId = web3.ethChainId().send().getChainId().longValueExact();
      // EIP-1559 fees: the node's suggested tip, and a fee cap of twice the base fee plus the tip.
      BigInteger tip = web3.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
      BigInteger baseFee = web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
          .getBaseFeePerGas();
      BigInteger value = Convert.toWei(new BigDecimal("1.5"), Convert.Unit.ETHER).toBigIntegerExact();

      RawTransactionManager sender = new RawTransactionManager(web3, Credentials.create(DEV_KEY), chainId);
      EthSendTransaction sent = sender.sendEIP1559Transaction(chainId, tip, baseFee.multiply(BigInteger.TWO).add(tip),
          BigInteger.valueOf(21_000), TO, "0x", value, false);
      if (sent.hasError()) {
        throw new IllegalStateException("refused: " + sent.getError().getMessage());
      }
      // Dev blocks are sealed at once: poll every 250 ms (web3j's default is every 15 s), for up to 30 s.
      TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3, 250, 120)
          .waitForTransactionReceipt(sent.getTransactionHash());
      BigInteger balance = web3.ethGetBalance(TO, DefaultBlockParameterName.LATEST).send().getBalance();
      System.out.println("hash " + receipt.getTransactionHash() + " in block " + receipt.getBlockNumber());
      System.out.println("balance of " + TO + ": " + Convert.fromWei(new BigDecimal(balance), Convert.Unit.ETHER)
          .stripTrailingZeros().toPlainString() + " LUX");
      return receipt;
    } finally {
      web3.shutdown();
    }
  }

  private Web3jTransfer() {}
}
