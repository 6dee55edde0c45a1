/**
 * The sample runner, the jar's main class {@link io.devmsan.samples.runner.SampleRunner}: it plays
 * every registered scenario's story under the agent and compares what the agent observed with what
 * the scenario expects. Scenarios are registered in {@link io.devmsan.samples.runner.Scenarios}.
 */
package io.devmsan.samples.runner;
