/**
 * The one place that names the CDK for Terraform engine.
 *
 * CDKTF is archived upstream; its maintained continuation (CDK Terrain, `cdktn`) is an import rename
 * away. Everything in this project imports engine classes from here, so the swap is a one-line change.
 * Provider classes (`@cdktf/provider-aws/lib/...`) are imported from their own paths instead, because the
 * provider package root costs seconds and hundreds of MB to load.
 */
export {
  AnnotationMetadataEntryType,
  Aspects,
  Annotations,
  App,
  Fn,
  Lazy,
  LocalBackend,
  Manifest,
  Op,
  ref,
  S3Backend,
  TerraformAsset,
  TerraformIterator,
  TerraformLocal,
  AssetType,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from 'cdktf';
export type { IResolvable, ITerraformDependable, TerraformMetaArguments, TerraformResourceLifecycle } from 'cdktf';
