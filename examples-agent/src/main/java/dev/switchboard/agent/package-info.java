/**
 * Agent loops on {@link dev.switchboard.core.LlmClient}: {@link dev.switchboard.agent.Agent}, {@link dev.switchboard.agent.Runner},
 * tools as {@link dev.switchboard.agent.Tool}-annotated methods; see this module's README.
 */
package dev.switchboard.agent;
