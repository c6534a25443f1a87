/** Real, deterministic tools for the agent examples: exact arithmetic, a clock, a unit converter, a city dataset. */
package dev.switchboard.agent.tools;
