import { benchTrainingStep } from './training-step.js';
await benchTrainingStep((l) => console.log(l));
