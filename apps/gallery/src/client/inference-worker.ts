// The page's inference thread: onnxruntime-web sessions live here so sampling never freezes the page.
import { serveModels } from '@genzoo/web';

serveModels(self as unknown as Parameters<typeof serveModels>[0]);
