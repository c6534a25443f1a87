#!/usr/bin/env bash
# The examples' requests with curl, one after the other, each headed by "### <name>".
# Settings (environment variables, with defaults for a local Ollama):
#   BASE_URL         OpenAI-compatible base URL, with /v1    (http://localhost:11434/v1)
#   ROOT_URL         Ollama's native root, without /v1       (BASE_URL without its /v1)
#   API_KEY          sent as "Authorization: Bearer ..."     (no-key-required; local servers ignore it)
#   MODEL            chat model                              (qwen3:0.6b)
#   EMBEDDING_MODEL  embedding model                         (all-minilm)
#   SKIP_OLLAMA      set to 1 for a server without Ollama's /api routes (llama-server, vLLM, OpenAI)
# Every chat bounds its answer with max_tokens (Ollama's native API: options.num_predict).
# Streams use -N (no buffering) so events print as they arrive. A status of 400 or more
# prints the error body and stops the script with a non-zero exit code (--fail-with-body).
set -euo pipefail

BASE_URL="${BASE_URL:-http://localhost:11434/v1}"
ROOT_URL="${ROOT_URL:-${BASE_URL%/v1}}"
API_KEY="${API_KEY:-no-key-required}"
MODEL="${MODEL:-qwen3:0.6b}"
EMBEDDING_MODEL="${EMBEDDING_MODEL:-all-minilm}"
SKIP_OLLAMA="${SKIP_OLLAMA:-0}"

echo "### List models"
curl -sS --fail-with-body "$BASE_URL/models" \
  -H "Authorization: Bearer $API_KEY"
echo

echo "### Non-streaming chat"
curl -sS --fail-with-body "$BASE_URL/chat/completions" \
  -H "Authorization: Bearer $API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"model": "'"$MODEL"'", "stream": false, "max_tokens": 512,
       "messages": [{"role": "user", "content": "Why is the sky blue? Answer in one sentence."}]}'
echo

echo "### Streaming chat"
curl -sS -N --fail-with-body "$BASE_URL/chat/completions" \
  -H "Authorization: Bearer $API_KEY" \
  -H "Content-Type: application/json" \
  -H "Accept: text/event-stream" \
  -d '{"model": "'"$MODEL"'", "stream": true, "max_tokens": 512,
       "messages": [{"role": "user", "content": "Count from one to ten in words."}]}'
echo

echo "### Tool call"
curl -sS --fail-with-body "$BASE_URL/chat/completions" \
  -H "Authorization: Bearer $API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"model": "'"$MODEL"'", "stream": false, "max_tokens": 512,
       "messages": [{"role": "user", "content": "What is the weather in Paris?"}],
       "tools": [{"type": "function", "function": {
         "name": "get_weather", "description": "Get the current weather for a city",
         "parameters": {"type": "object",
                        "properties": {"city": {"type": "string", "description": "The city'"'"'s name, e.g. Paris"}},
                        "required": ["city"]}}}]}'
echo

echo "### Embeddings"
curl -sS --fail-with-body "$BASE_URL/embeddings" \
  -H "Authorization: Bearer $API_KEY" \
  -H "Content-Type: application/json" \
  -d '{"model": "'"$EMBEDDING_MODEL"'", "input": ["The cat sat on the mat.", "Stock prices fell today."]}'
echo

if [ "$SKIP_OLLAMA" = "1" ]; then
  exit 0
fi

echo "### Ollama native chat"
curl -sS -N --fail-with-body "$ROOT_URL/api/chat" \
  -H "Content-Type: application/json" \
  -d '{"model": "'"$MODEL"'", "stream": true, "options": {"num_predict": 512},
       "messages": [{"role": "user", "content": "Count from one to ten in words."}]}'
echo

echo "### Ollama native embeddings"
curl -sS --fail-with-body "$ROOT_URL/api/embed" \
  -H "Content-Type: application/json" \
  -d '{"model": "'"$EMBEDDING_MODEL"'", "input": ["The cat sat on the mat.", "Stock prices fell today."]}'
echo

echo "### Ollama native model list"
curl -sS --fail-with-body "$ROOT_URL/api/tags"
echo
