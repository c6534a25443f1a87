/** Switchboard's examples-spring-ai module: see this module's README. */
package dev.switchboard.examples.springai;
