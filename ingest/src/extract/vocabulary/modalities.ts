/**
 * Imaging and sensing modalities. Used by the stop-name test: "CT", "MRI", "PET/CT" are never
 * entities. Source: the acquisition modalities of medical imaging and sensing papers.
 */
import { wordSet } from "./words.ts";

export const MODALITIES = wordSet(`
  ct mri pet pet/ct pet/mri pet-ct pet-mri spect fmri dmri dti t1 t1w t2 t2w flair dwi adc
  x-ray xray cxr us oct octa fundus eeg ecg ekg emg meg wsi h&e ihc rgb rgb-d rgbd lidar radar sar
  ir nir msi hsi cbct mra cta pet/ct-based
`);
