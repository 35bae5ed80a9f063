package dev.deteval.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every deteval goal shares: {@code deteval.skip}. {@link #execute()} is final; goals implement
 * {@link #executeMojo()}.
 */
public abstract class AbstractDetevalMojo extends AbstractMojo {

    /** Logged instead of running when {@code skip} is set. */
    public static final String SKIP_MESSAGE = "deteval.skip is true: the detection metric gate does not run.";

    /**
     * Skips the goal: nothing is read, checked or written, and the build goes on.
     */
    @Parameter(property = "deteval.skip", defaultValue = "false")
    private boolean skip;

    /** Runs {@link #executeMojo()} unless {@code skip} is set. */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info(SKIP_MESSAGE);
            return;
        }
        executeMojo();
    }

    /**
     * The goal's work.
     *
     * @throws MojoExecutionException for unreadable input or invalid configuration (the build errs)
     * @throws MojoFailureException when the checked project breaks a rule (the build fails)
     */
    protected abstract void executeMojo() throws MojoExecutionException, MojoFailureException;
}
