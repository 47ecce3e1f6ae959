-- A member's mentoring profile: who they are and what they bring or look for, shown to the organization's members and
-- on suggestions. One per member; a member without a row simply has not written one yet. Languages are ISO 639-1
-- codes; the time zone is a java.time ZoneId.

create table profiles (
    member_id           uuid          primary key references members (id),
    headline            varchar(150)  not null default '',
    bio                 varchar(4000) not null default '',
    skills              text[]        not null default '{}',
    expertise           text[]        not null default '{}',
    goals               varchar(2000) not null default '',
    industry            varchar(100)  not null default '',
    region              varchar(100)  not null default '',
    time_zone           varchar(64),
    languages           text[]        not null default '{}',
    years_of_experience integer       check (years_of_experience between 0 and 70),
    updated_at          timestamptz   not null,
    version             bigint        not null default 0
);
