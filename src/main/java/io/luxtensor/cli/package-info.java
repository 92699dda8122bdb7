/**
 * The {@code luxtensor} command (picocli): one class a subcommand, wired in {@link io.luxtensor.cli.Main}.
 *
 * <p>Shell: may import anything in LuxTensor. Errors print as one line (stack traces with {@code --verbose}).
 */
package io.luxtensor.cli;
