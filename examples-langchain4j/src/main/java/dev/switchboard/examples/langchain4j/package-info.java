/** Switchboard's examples-langchain4j module: see this module's README. */
package dev.switchboard.examples.langchain4j;
