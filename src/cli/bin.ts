#!/usr/bin/env node
// The `pokebench` executable. In the package it is compiled JS (dist/src/cli/bin.js):
// plain node runs it with no loader.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
