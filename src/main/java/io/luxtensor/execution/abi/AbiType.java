package io.luxtensor.execution.abi;

/** The ABI types the system contracts use. Static types take one 32-byte word; dynamic ones live in the tail. */
public enum AbiType {
  UINT256("uint256", false),
  UINT64("uint64", false),
  UINT16("uint16", false),
  BOOL("bool", false),
  ADDRESS("address", false),
  BYTES32("bytes32", false),
  BYTES("bytes", true),
  STRING("string", true),
  UINT16_ARRAY("uint16[]", true),
  ADDRESS_ARRAY("address[]", true),
  UINT256_ARRAY("uint256[]", true);

  private final String solidityName;
  private final boolean dynamic;

  AbiType(String solidityName, boolean dynamic) {
    this.solidityName = solidityName;
    this.dynamic = dynamic;
  }

  public String solidityName() {
    return solidityName;
  }

  public boolean isDynamic() {
    return dynamic;
  }
}
