package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} on every command: exit code 0, the command's usage on standard output, nothing on
 * standard error; and every command's description, header and footer is a valid format string (picocli
 * formats them with {@code String.format}; a stray {@code %} makes it print a warning on
 * {@code System.err} and fall back to the raw text).
 */
final class MainHelpTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--help|Usage: deteval [",
        "eval --help|Usage: deteval eval [",
        "compare --help|Usage: deteval compare [",
        "nms --help|Usage: deteval nms [",
        "synth --help|Usage: deteval synth [",
        "convert --help|Usage: deteval convert [",
        "help eval|Usage: deteval eval ["})
    void run_helpOption_printsUsageAndExitsZero(String args, String usage) {
        CliRun r = run(args.split(" "));

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith(usage).contains("-h, --help");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void run_evalHelp_listsTheIssueOptions() {
        CliRun r = run("eval", "--help");

        assertThat(r.out()).contains("--gt=GT", "--dt=RESULTS", "--params=PARAMS.json", "--mode=compat|corrected",
                "--protocol=coco|lvis|voc07|voc12", "--format=text|json|markdown");
    }

    @Test
    void run_convertHelp_listsItsOptions() {
        CliRun r = run("convert", "--help");

        assertThat(r.out()).contains("--from=coco|yolo|voc", "--to=coco|yolo|voc", "--in=INPUT", "--out=OUTPUT",
                "--voc-boxes=pixel|continuous", "--images=DIR");
    }

    @Test
    void usage_everyCommandText_isAValidFormatString() {
        List<String> texts = new ArrayList<>();
        CommandLine cli = new CommandLine(new Main());
        Main.addSubcommands(cli, "help"); // every command, as for the top-level usage
        collect(cli, texts);

        assertThat(texts).hasSizeGreaterThan(5);
        for (String text : texts) {
            assertThatCode(() -> String.format(text)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void addSubcommands_firstArgumentNamesACommand_buildsOnlyThatOne() {
        for (String name : List.of("eval", "compare", "nms", "synth", "convert")) {
            CommandLine cli = new CommandLine(new Main());
            Main.addSubcommands(cli, name);

            assertThat(cli.getSubcommands().keySet()).containsExactly(name);
        }
    }

    @Test
    void addSubcommands_helpOptionOrUnknownFirstArgument_buildsEveryCommand() {
        for (String first : List.of("help", "--help", "--version", "evl", "")) {
            CommandLine cli = new CommandLine(new Main());
            Main.addSubcommands(cli, first);

            assertThat(cli.getSubcommands().keySet()).containsExactlyInAnyOrder("eval", "compare", "nms", "synth", "convert",
                    "help");
        }
    }

    private static void collect(CommandLine cli, List<String> texts) {
        CommandSpec spec = cli.getCommandSpec();
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        for (CommandLine sub : cli.getSubcommands().values()) {
            collect(sub, texts);
        }
    }
}
