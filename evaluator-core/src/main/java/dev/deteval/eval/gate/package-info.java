/**
 * One call that runs a metric gate: {@link dev.deteval.eval.gate.Gate#run(GateRequest)} reads the inputs
 * (package {@code io}), evaluates them ({@code coco}, {@code voc}), checks the rules ({@code check}) and
 * renders and writes the reports ({@code report}). Front-ends (the CLI, the Maven plugin) build a
 * {@link dev.deteval.eval.gate.GateRequest} from their options and show the
 * {@link dev.deteval.eval.gate.GateOutcome}; nothing below this package knows about it.
 */
package dev.deteval.eval.gate;
