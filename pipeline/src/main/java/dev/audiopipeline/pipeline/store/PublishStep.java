package dev.audiopipeline.pipeline.store;

import java.io.IOException;

/**
 * Called as a publish plan is carried out: with 0 once the plan is written, then with the number of steps done
 * after each move and each delete. Tests stop the publishing there (by throwing) to check that the next run
 * completes it; the job uses {@link #NONE}.
 */
interface PublishStep {

    PublishStep NONE = stepsDone -> {};

    void after(int stepsDone) throws IOException;
}
