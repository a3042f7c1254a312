CREATE TABLE "Meta" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Meta" PRIMARY KEY,
    "Value" TEXT NOT NULL
);


CREATE TABLE "SearchText" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SearchText" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Tags" TEXT NOT NULL
);


CREATE TABLE "SourceFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SourceFiles" PRIMARY KEY AUTOINCREMENT,
    "Path" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "Stamp" TEXT NOT NULL,
    "Loaded" INTEGER NOT NULL,
    "ImportedAt" TEXT NOT NULL
);


CREATE TABLE "TagAliases" (
    "Slug" TEXT NOT NULL CONSTRAINT "PK_TagAliases" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "TagSlug" TEXT NOT NULL
);


CREATE TABLE "Tags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT,
    "Slug" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);


CREATE TABLE "Diagnostics" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Diagnostics" PRIMARY KEY AUTOINCREMENT,
    "SourceFileId" INTEGER NOT NULL,
    "Path" TEXT NOT NULL,
    "Line" INTEGER NOT NULL,
    "Column" INTEGER NOT NULL,
    "Severity" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "FromFolderPass" INTEGER NOT NULL,
    CONSTRAINT "FK_Diagnostics_SourceFiles_SourceFileId" FOREIGN KEY ("SourceFileId") REFERENCES "SourceFiles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Entries" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "ParentKey" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Label" TEXT NULL,
    "Number" INTEGER NULL,
    "Order" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "DescriptionIsExcerpt" INTEGER NOT NULL,
    "Summary" TEXT NULL,
    "Category" TEXT NULL,
    "Date" TEXT NULL,
    "Updated" TEXT NULL,
    "IsDraft" INTEGER NOT NULL,
    "Image" TEXT NULL,
    "Authors" TEXT NOT NULL,
    "WordCount" INTEGER NOT NULL,
    "ReadingMinutes" INTEGER NOT NULL,
    "SourceFileId" INTEGER NOT NULL,
    "SourcePath" TEXT NOT NULL,
    "SourceLine" INTEGER NOT NULL,
    "Extra" TEXT NOT NULL,
    "Facts" TEXT NOT NULL,
    "Capstone_Objective" TEXT NULL,
    "Capstone_Implementation" TEXT NULL,
    "Capstone_Technologies" TEXT NULL,
    "Capstone_Outcome" TEXT NULL,
    "Credential_Status" TEXT NULL,
    "Credential_Issuer" TEXT NULL,
    "Credential_Provider" TEXT NULL,
    "Credential_Code" TEXT NULL,
    "Credential_CredentialId" TEXT NULL,
    "Credential_Expires" TEXT NULL,
    "Credential_ExamDate" TEXT NULL,
    "Credential_ValidFrom" TEXT NULL,
    "Credential_ValidYears" INTEGER NULL,
    "Credential_VerificationUrl" TEXT NULL,
    "Credential_Duration" TEXT NULL,
    "Credential_Funding" TEXT NULL,
    "Credential_GuideSlug" TEXT NULL,
    "Credential_GuideLine" INTEGER NULL,
    "Credential_GuideId" INTEGER NULL,
    "Credential_BadgePath" TEXT NULL,
    "Credential_BadgeLine" INTEGER NULL,
    "Credential_BadgeId" INTEGER NULL,
    "Badge_Format" TEXT NULL,
    "Badge_AchievementType" TEXT NULL,
    "Badge_IssuerUrl" TEXT NULL,
    "Badge_IssuerImage" TEXT NULL,
    "Badge_Image" TEXT NULL,
    "Badge_ImageNote" TEXT NULL,
    "Badge_Recipient" TEXT NULL,
    "Badge_FileName" TEXT NULL,
    "Badge_Download" TEXT NULL,
    "Badge_Checks" TEXT NULL,
    "PlannedModules" INTEGER NULL,
    "TaskItems" INTEGER NOT NULL,
    "TaskItemsDone" INTEGER NOT NULL,
    "PartId" INTEGER NULL,
    "Anchors" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    CONSTRAINT "FK_Entries_Entries_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Entries" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Entries_Entries_PartId" FOREIGN KEY ("PartId") REFERENCES "Entries" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Entries_SourceFiles_SourceFileId" FOREIGN KEY ("SourceFileId") REFERENCES "SourceFiles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "EntryBodies" (
    "EntryId" INTEGER NOT NULL CONSTRAINT "PK_EntryBodies" PRIMARY KEY,
    "Html" TEXT NOT NULL,
    "Toc" TEXT NOT NULL,
    "Topics" TEXT NOT NULL,
    CONSTRAINT "FK_EntryBodies_Entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "Entries" ("Id") ON DELETE CASCADE
);


CREATE TABLE "EntryFiles" (
    "EntryId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Bytes" BLOB NOT NULL,
    CONSTRAINT "PK_EntryFiles" PRIMARY KEY ("EntryId", "Name"),
    CONSTRAINT "FK_EntryFiles_Entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "Entries" ("Id") ON DELETE CASCADE
);


CREATE TABLE "EntryLinks" (
    "SourceEntryId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Line" INTEGER NOT NULL,
    "Column" INTEGER NOT NULL,
    "Written" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "IsWikilink" INTEGER NOT NULL,
    "RequestedFragment" TEXT NULL,
    "TargetEntryId" INTEGER NULL,
    "TargetKey" TEXT NULL,
    "Fragment" TEXT NULL,
    CONSTRAINT "PK_EntryLinks" PRIMARY KEY ("SourceEntryId", "Number"),
    CONSTRAINT "FK_EntryLinks_Entries_SourceEntryId" FOREIGN KEY ("SourceEntryId") REFERENCES "Entries" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EntryLinks_Entries_TargetEntryId" FOREIGN KEY ("TargetEntryId") REFERENCES "Entries" ("Id") ON DELETE SET NULL
);


CREATE TABLE "EntryTags" (
    "EntryId" INTEGER NOT NULL,
    "TagId" INTEGER NOT NULL,
    CONSTRAINT "PK_EntryTags" PRIMARY KEY ("EntryId", "TagId"),
    CONSTRAINT "FK_EntryTags_Entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "Entries" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EntryTags_Tags_TagId" FOREIGN KEY ("TagId") REFERENCES "Tags" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Redirects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Redirects" PRIMARY KEY AUTOINCREMENT,
    "Path" TEXT NOT NULL,
    "EntryId" INTEGER NOT NULL,
    "SourcePath" TEXT NOT NULL,
    "Line" INTEGER NOT NULL,
    "Column" INTEGER NOT NULL,
    "Ignored" INTEGER NOT NULL,
    CONSTRAINT "FK_Redirects_Entries_EntryId" FOREIGN KEY ("EntryId") REFERENCES "Entries" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_Diagnostics_SourceFileId" ON "Diagnostics" ("SourceFileId");


CREATE INDEX "IX_Entries_Credential_GuideId" ON "Entries" ("Credential_GuideId");


CREATE UNIQUE INDEX "IX_Entries_Key" ON "Entries" ("Key");


CREATE INDEX "IX_Entries_ParentId" ON "Entries" ("ParentId");


CREATE INDEX "IX_Entries_PartId" ON "Entries" ("PartId");


CREATE INDEX "IX_Entries_SourceFileId" ON "Entries" ("SourceFileId");


CREATE INDEX "IX_EntryLinks_TargetEntryId" ON "EntryLinks" ("TargetEntryId");


CREATE INDEX "IX_EntryTags_TagId_EntryId" ON "EntryTags" ("TagId", "EntryId");


CREATE INDEX "IX_Redirects_EntryId" ON "Redirects" ("EntryId");


CREATE UNIQUE INDEX "IX_SourceFiles_Path" ON "SourceFiles" ("Path");


CREATE UNIQUE INDEX "IX_Tags_Slug" ON "Tags" ("Slug");


