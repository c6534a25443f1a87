/** Switchboard's examples-agent module: see this module's README. */
package dev.switchboard.agent;
