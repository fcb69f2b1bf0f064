package dev.audiopipeline.training.bundle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The networks this JVM has loaded, by bundle: deserialized once per executor JVM, never per row or per task, and
 * handed to each task thread as its own copy (a DL4J network is not safe to run from two threads at once; a copy
 * is an in-memory clone of the parameters, cheap beside loading).
 */
final class LoadedNetworks {

    private static final Map<String, Model> LOADED = new ConcurrentHashMap<>();
    private static final ThreadLocal<Map<String, Model>> PER_THREAD = ThreadLocal.withInitial(ConcurrentHashMap::new);

    private LoadedNetworks() {}

    /** This thread's copy of the bundle's network. */
    static Model forThread(ModelBundle bundle) {
        String key = key(bundle);
        return PER_THREAD.get().computeIfAbsent(key, k -> copy(LOADED.computeIfAbsent(k,
                unused -> ModelBundle.restore(bundle.networkBytes(), bundle.kind()))));
    }

    /** How many networks this JVM has deserialized (tests check that it is one per bundle). */
    static int loadedCount() {
        return LOADED.size();
    }

    private static String key(ModelBundle bundle) {
        return bundle.uri() + "#" + bundle.manifest().files().get(BundleStore.NETWORK);
    }

    private static Model copy(Model network) {
        return network instanceof MultiLayerNetwork multiLayer ? multiLayer.clone()
                : ((ComputationGraph) network).clone();
    }
}
