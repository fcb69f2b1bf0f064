package dev.audiopipeline.jobs.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs one compiled class and its nested classes into a jar, to ship a test class to executors with --jars. */
final class ClassJar {

    private ClassJar() {}

    /** Writes {@code jar} holding {@code type} as compiled (from the test classes directory); returns the jar. */
    static Path write(Class<?> type, Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String folder = type.getPackageName().replace('.', '/');
        String name = type.getSimpleName();
        List<Path> files;
        try (Stream<Path> listing = Files.list(classes.resolve(folder))) {
            files = listing.filter(file -> {
                String fileName = file.getFileName().toString();
                return fileName.equals(name + ".class") || fileName.startsWith(name + "$");
            }).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no compiled " + type.getName() + " below " + classes);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path compiled : files) {
                out.putNextEntry(new JarEntry(folder + "/" + compiled.getFileName()));
                Files.copy(compiled, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
