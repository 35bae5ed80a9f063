/** The command line of {@code deteval-detector.jar}: {@code train}, {@code detect} and {@code data}. */
package dev.deteval.runtime.cli;
