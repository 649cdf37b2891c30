/**
 * Well-known data sets (by normalised key prefix). Used by typing: such a name is a Dataset
 * of kind "dataset". Source: corpora and data sets whose names are stable across the field
 * (image, text, medical and speech collections); never one paper's own new data set.
 */
import { wordSet } from "./words.ts";

export const KNOWN_DATASETS = wordSet(`
  coco ms-coco imagenet cifar cifar-10 cifar-100 mnist fashion-mnist svhn lsun celeba ffhq
  cityscapes ade20k pascal voc kitti nuscenes waymo kinetics ucf101 hmdb51 something-something
  laion laion-5b laion-400m cc3m cc12m conceptual captions flickr30k visual-genome objects365 lvis
  openimages sa-1b the-pile pile c4 redpajama refinedweb fineweb dolma slimpajama wikitext
  bookcorpus openwebtext sharegpt ultrachat ultrafeedback dolly oasst1 flan
  mimic mimic-iii mimic-iv mimic-cxr chexpert chestx-ray14 padchest brats lidc lidc-idri
  kvasir isic camelyon tcga ukbiobank uk-biobank totalsegmentator amos btcv librispeech
  commonvoice common-voice audioset vctk wikipedia wikidata dbpedia freebase conceptnet yago
  scannet shapenet modelnet s3dis matterport3d objaverse
`);
