/**
 * The validator keys a node holds, in {@code DATADIR/validators/}: one Web3 Secret Storage v3 keystore per validator
 * and the password that opens it, both readable by the owner only, both named by the validator's address
 * ({@link io.luxtensor.node.validators.ValidatorKeyStore}); and which of them a node that runs one validator per
 * chain starts with ({@link io.luxtensor.node.validators.ValidatorChoice}).
 *
 * <p>Shell: reads and writes files; may import the core ({@code crypto}, {@code types}, {@code consensus}) and
 * {@code storage}; never {@code cli}, which builds on it.
 */
package io.luxtensor.node.validators;
