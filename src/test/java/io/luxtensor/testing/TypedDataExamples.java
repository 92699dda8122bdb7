package io.luxtensor.testing;

/** EIP-712 typed data used by several tests. */
public final class TypedDataExamples {
  private TypedDataExamples() {}

  /** EIP-712's own example (the "Mail" message), with the digest and encodeType the EIP states. */
  public static final String MAIL = """
      {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
      {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
      "Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
      "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},
      "primaryType":"Mail",
      "domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
      "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
      "to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}""";

  /** A richer message (arrays, nested arrays of structs, signed and sized integers, bytes) to compare with web3j. */
  public static final String RICH = """
      {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"chainId","type":"uint256"}],
      "Order":[{"name":"id","type":"uint64"},{"name":"delta","type":"int128"},{"name":"tag","type":"bytes8"},
      {"name":"payload","type":"bytes"},{"name":"ok","type":"bool"},{"name":"ids","type":"uint256[]"},
      {"name":"legs","type":"Leg[]"}],
      "Leg":[{"name":"venue","type":"address"},{"name":"weights","type":"uint16[3]"}]},
      "primaryType":"Order",
      "domain":{"name":"LuxTensor","chainId":"0x7a69"},
      "message":{"id":"42","delta":-7,"tag":"0x0102030405060708","payload":"0xdeadbeef","ok":true,"ids":[1,2,3],
      "legs":[{"venue":"0x0000000000000000000000000000000000001000","weights":[1,2,3]},
      {"venue":"0x000000000000000000000000000000000000bEEF","weights":[4,5,6]}]}}""";
}
