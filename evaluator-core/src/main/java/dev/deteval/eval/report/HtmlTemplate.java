package dev.deteval.eval.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.reflect.MapObjectHandler;
import com.github.mustachejava.Mustache;
import dev.deteval.eval.data.Names;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The HTML report's Mustache template ({@code report.html.mustache} beside this class), compiled once.
 * Every {@code {{value}}} the template writes goes through {@link Names#html}, so untrusted names can
 * neither break out of text or attributes nor become visible control characters; the template has no
 * unescaped ({@code {{{…}}}}) values. The view is made of maps, lists, strings, numbers and booleans only.
 */
final class HtmlTemplate {

    /** The template's resource name, next to this class. */
    static final String RESOURCE = "report.html.mustache";

    private static final Mustache TEMPLATE = compile();

    private HtmlTemplate() {
    }

    /** Compiles the template now if no page has been rendered yet (the class's initialisation does it, once). */
    static void prepare() {
        Objects.requireNonNull(TEMPLATE);
    }

    /** Renders {@code view} into {@code out}. */
    static void render(Map<String, Object> view, Writer out) throws IOException {
        TEMPLATE.execute(out, view);
        out.flush();
    }

    /** The template's text. */
    static String text() {
        try (InputStream in = HtmlTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the HTML report template " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@link Names#html} leaves {@code value} as it is: printable ASCII without the characters it
     * escapes (most values are numbers and coordinates, which then skip the copy).
     */
    static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~' || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`'
                    || c == '=') {
                return false;
            }
        }
        return true;
    }

    private static Mustache compile() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory() {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(plain(value) ? value : Names.html(value));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        factory.setObjectHandler(new MapObjectHandler());
        return factory.compile(new StringReader(text()), RESOURCE);
    }
}
