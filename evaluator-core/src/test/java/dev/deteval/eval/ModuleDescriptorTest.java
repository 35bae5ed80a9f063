package dev.deteval.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module descriptor exports exactly the API packages, and no exported signature shows Jackson. */
final class ModuleDescriptorTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Set<String> API = Set.of("check", "coco", "data", "gate", "geometry", "io", "mask", "metric",
            "nms", "report", "voc");

    @Test
    void descriptor_exports_onlyTheApiPackages() throws IOException {
        ModuleDescriptor module = descriptor();

        Set<String> exported = module.exports().stream().map(e -> e.source()).collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrderElementsOf(
                API.stream().map(p -> "dev.deteval.eval." + p).toList());
        assertThat(module.exports()).allMatch(e -> !e.isQualified());
        // the unexported packages exist, so the exact set above really leaves them out
        assertThat(CLASSES.resolve("dev/deteval/eval/internal")).isDirectory();
        assertThat(CLASSES.resolve("dev/deteval/eval/cli")).isDirectory();
        assertThat(CLASSES.resolve("dev/deteval/eval/readahead")).isDirectory();
    }

    @Test
    void exportedTypes_publicSignatures_neverNameJackson() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String name : exportedPublicClasses()) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            for (Method m : type.getDeclaredMethods()) {
                check(type, m, m.getGenericReturnType(), leaks);
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                check(type, c, null, leaks);
            }
            for (Field f : type.getDeclaredFields()) {
                if (visible(type, f.getModifiers()) && jackson(f.getGenericType())) {
                    leaks.add(type.getName() + "." + f.getName());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static void check(Class<?> owner, Executable member, Type returned, List<String> leaks) {
        if (!visible(owner, member.getModifiers()) || member.isSynthetic()) {
            return;
        }
        boolean leak = returned != null && jackson(returned);
        for (Type t : member.getGenericParameterTypes()) {
            leak |= jackson(t);
        }
        for (Type t : member.getGenericExceptionTypes()) {
            leak |= jackson(t);
        }
        if (leak) {
            leaks.add(owner.getName() + "." + member.getName());
        }
    }

    private static boolean visible(Class<?> owner, int modifiers) {
        return Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers()));
    }

    private static boolean jackson(Type type) {
        return type.getTypeName().contains("com.fasterxml");
    }

    private static Set<String> exportedPublicClasses() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String p : API) {
            Path dir = CLASSES.resolve("dev/deteval/eval/" + p);
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
                        .map(f -> "dev.deteval.eval." + p + "." + f.substring(0, f.length() - ".class".length()))
                        .forEach(names::add);
            }
        }
        names.removeIf(n -> {
            try {
                Class<?> c = Class.forName(n, false, ModuleDescriptorTest.class.getClassLoader());
                return !Modifier.isPublic(c.getModifiers()) || enclosedInNonPublic(c);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        return names;
    }

    private static boolean enclosedInNonPublic(Class<?> c) {
        for (Class<?> e = c.getEnclosingClass(); e != null; e = e.getEnclosingClass()) {
            if (!Modifier.isPublic(e.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }
}
