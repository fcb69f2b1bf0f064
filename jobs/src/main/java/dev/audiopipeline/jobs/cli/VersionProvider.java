package dev.audiopipeline.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The product version (filtered into a resource at build time) and the Java and Spark it runs with. */
public final class VersionProvider implements IVersionProvider {

    public static String productVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/audiopipeline/jobs/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "audio-pipeline " + productVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + " (Scala 2.12)"
        };
    }
}
