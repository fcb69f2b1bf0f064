package dev.audiopipeline.training.prediction;

import java.io.Serializable;

/** One entry of a top-k list: a label and the track's score for it (a mean probability or a vote share). */
public record LabelScore(String label, double score) implements Serializable {
}
