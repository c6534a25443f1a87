/** A two-agent conversation in AutoGen's style: an assistant and a user proxy. */
package dev.switchboard.agent.conversation;
