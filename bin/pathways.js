#!/usr/bin/env node
// The `pathways` command. Node 24 (pinned as the `node` dependency) runs the TypeScript sources directly.
import '../src/cli/main.ts';
