#!/usr/bin/env node
import { runTrainCli } from './run-train-cli.js';

process.exitCode = await runTrainCli(process.argv.slice(2));
