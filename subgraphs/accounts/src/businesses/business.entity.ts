import { type Opt } from "@mikro-orm/core";
import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { newId } from "@billfold/shared";

export interface BrandSettings {
  primaryColor: string;
  accentColor: string;
  logoUrl?: string | null;
}

/** A business on the platform, its public branding and the shard that serves its data. */
@Entity({ tableName: "business" })
export class Business {
  @PrimaryKey({ type: "string", length: 40 })
  id: string & Opt = newId("biz");

  @Property({ type: "string", length: 200 })
  name!: string;

  @Property({ type: "string", length: 100, unique: true })
  slug!: string;

  @Property({ type: "string", length: 320 })
  supportEmail!: string;

  @Property({ type: "json" })
  brand!: BrandSettings;

  @Property({ type: "string", length: 64 })
  shard!: string;

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
