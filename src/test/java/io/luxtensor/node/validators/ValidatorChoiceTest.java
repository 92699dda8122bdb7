package io.luxtensor.node.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.luxtensor.bytes.Bytes;
import io.luxtensor.types.Address;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which stored key a one-validator-per-chain node starts with. */
class ValidatorChoiceTest {
  private static final Path STORE = Path.of("data", "validators");
  private static final List<StoredValidator> HELD = IntStream.rangeClosed(1, 5).mapToObj(ValidatorChoiceTest::stored)
      .toList();

  @Test
  void theOnlyKeyIsChosenWhateverTheGenesisSays() {
    assertSame(HELD.get(2), ValidatorChoice.forChain(List.of(HELD.get(2)), List.of(), STORE));
  }

  @Test
  void ofSeveralKeysTheOneTheGenesisNamesIsChosen() {
    assertSame(HELD.get(3), ValidatorChoice.forChain(HELD, List.of(address(40), HELD.get(3).address()), STORE));
  }

  @Test
  void noKeyOrNoSingleGenesisValidatorIsAClearRefusal() {
    ValidatorKeyStoreException none = assertThrows(ValidatorKeyStoreException.class,
        () -> ValidatorChoice.forChain(List.of(), List.of(HELD.get(0).address()), STORE));
    assertEquals(ValidatorKeyStoreException.Reason.NO_SINGLE_VALIDATOR, none.reason());
    assertEquals("no validator key: " + STORE + " holds none and validator.keystore is not set; import one with "
        + "luxtensor validator import, or set validator.keystore in the config", none.getMessage());

    ValidatorKeyStoreException noneInGenesis = assertThrows(ValidatorKeyStoreException.class,
        () -> ValidatorChoice.forChain(HELD, List.of(address(40)), STORE));
    assertEquals(STORE + " holds 5 validator keys and none of them is a validator in the genesis: this release "
        + "runs one validator per chain until the peer-to-peer release; keep one genesis validator's key there, "
        + "or set validator.keystore", noneInGenesis.getMessage());

    ValidatorKeyStoreException all = assertThrows(ValidatorKeyStoreException.class,
        () -> ValidatorChoice.forChain(HELD, HELD.stream().map(StoredValidator::address).toList(), STORE));
    assertTrue(all.getMessage().startsWith(STORE + " holds 5 validator keys and 5 of them are ("
        + HELD.get(0).address().toChecksumHex() + ", " + HELD.get(1).address().toChecksumHex() + ", "
        + HELD.get(2).address().toChecksumHex() + " and 2 more) a validator in the genesis: this release runs one "
        + "validator per chain"), all.getMessage());
    assertEquals(1, all.getMessage().lines().count());
  }

  private static StoredValidator stored(int n) {
    return new StoredValidator(address(n), Bytes.of(new byte[33]), STORE.resolve(n + ".json"),
        STORE.resolve(n + ".password"));
  }

  private static Address address(int n) {
    byte[] bytes = new byte[20];
    bytes[19] = (byte) n;
    return Address.wrap(bytes);
  }
}
