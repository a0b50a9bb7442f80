" Vim syntax file
" Language:    ridealong scenario script (.ride): modules, included files and course.ride
" Reference:   docs/script-language.md in the ridealong repository
" Install:     see Assets/editors/README.md
"
" The language is line-oriented: every line is one thing, recognised by how it starts. Three
" contexts change what a line start means, and this file follows them:
"   - the header (everything before the first `=== scene ===`, or a whole course.ride file);
"   - scene content (narration, SPEAKER: lines, ~, ->, @directives);
"   - a choice block (a `* id:` / `+ id:` line and its attribute lines, up to the next choice or
"     scene). Inside a block, a line that is not an attribute is an error (E108/E109), shown as such.

if exists("b:current_syntax")
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
" Contexts depend on everything above, and scripts are small: always parse from the top.
syn sync fromstart

" ---------------------------------------------------------------------------------------------
" Expressions (conditions, ~ values, {interpolations}, var values)
syn keyword rideExprWord     not and or contained
syn keyword rideBoolean      true false contained
syn keyword rideRandom       random contained
syn match   rideNumber       /\<\d\+\>/ contained
syn match   rideString       /"[^"]*"/ contained
syn match   rideOperator     /[=!<>]=\|[<>+\-*\/=()]/ contained
syn cluster rideExpr contains=rideExprWord,rideBoolean,rideRandom,rideNumber,rideString,rideOperator

" {expression} inside narration, speech and choice text
syn region  rideInterpolation matchgroup=rideInterpolationDelim start=/{/ end=/}/ oneline contains=@rideExpr
" "quoted speech" inside narration, speech and choice text
syn match   rideQuote        /"[^"]*"/ contains=rideInterpolation
syn cluster rideText contains=rideInterpolation,rideQuote

" ---------------------------------------------------------------------------------------------
" Header: everything before the first scene (a course.ride file is all header)
syn region  rideHeader start=/\%^/ end=/^\ze\s*===/ contains=rideComment,rideHeaderKey,rideHeaderValueKey

" module ID | course ID | module FILE.ride after ID ID…  (course files)
syn match   rideHeaderKey    /^\s*\zs\%(module\|course\)\>/ contained nextgroup=rideDottedId skipwhite
syn match   rideDottedId     /[A-Za-z][A-Za-z0-9_.\-]*/ contained nextgroup=rideAfter skipwhite
syn match   rideAfter        /\<after\>/ contained nextgroup=rideAfterIds skipwhite
syn match   rideAfterIds     /\S.*$/ contained
" speaker ID "Name"
syn match   rideHeaderKey    /^\s*\zsspeaker\>/ contained nextgroup=rideSpeakerDecl skipwhite
syn match   rideSpeakerDecl  /\h\w*/ contained nextgroup=rideString skipwhite
" var NAME = VALUE
syn match   rideHeaderKey    /^\s*\zsvar\>/ contained nextgroup=rideVarName skipwhite
syn match   rideVarName      /\h\w*/ contained nextgroup=rideVarEquals skipwhite
syn match   rideVarEquals    /=/ contained nextgroup=rideVarValue,rideString,rideBoolean skipwhite
syn match   rideVarValue     /-\=\d\+\>/ contained
" include FILE
syn match   rideHeaderKey    /^\s*\zsinclude\>/ contained nextgroup=rideIncludePath skipwhite
syn match   rideIncludePath  /\S.*$/ contained
" competency ID "Label" fto "Category"
syn match   rideHeaderKey    /^\s*\zscompetency\>/ contained nextgroup=rideCompetencyDecl skipwhite
syn match   rideCompetencyDecl /[A-Za-z][A-Za-z0-9_.\-]*/ contained nextgroup=rideCompetencyLabel skipwhite
syn match   rideCompetencyLabel /"[^"]*"/ contained nextgroup=rideFto skipwhite
syn match   rideFto          /\<fto\>/ contained nextgroup=rideString skipwhite

" key: value lines
syn match   rideHeaderValueKey /^\s*\zs\%(title\|objective\|description\):/ contained
syn match   rideHeaderValueKey /^\s*\zs\%(revision\|minutes\|critical-cap\):/ contained nextgroup=rideNumber skipwhite
syn match   rideHeaderValueKey /^\s*\zsfeedback:/ contained nextgroup=rideFeedbackMode skipwhite
syn keyword rideFeedbackMode immediate debrief contained
syn match   rideHeaderValueKey /^\s*\zscompetencies:/ contained nextgroup=rideCompetencyList skipwhite
syn match   rideCompetencyList /\S.*$/ contained
syn match   rideHeaderValueKey /^\s*\zsstart:/ contained nextgroup=rideSceneRef skipwhite
syn match   rideHeaderValueKey /^\s*\zs\%(pass\|bands\):/ contained nextgroup=ridePercentages skipwhite
syn match   ridePercentages  /.*$/ contained contains=ridePercent
syn match   ridePercent      /\<\d\+\%(\.\d\+\)\=%/ contained
syn match   rideHeaderValueKey /^\s*\zscritical-fails:/ contained nextgroup=rideYesNo skipwhite
syn keyword rideYesNo yes no contained

" Anything in a choice block that is not an attribute (E108, E109). When two items start at the
" same place the one defined last wins, so this is defined before every line item.
syn match   rideChoiceStray  /^\s*\zs\S.*$/ contained

" ---------------------------------------------------------------------------------------------
" Scenes
syn match   rideSceneHeader  /^\s*===.*$/ contains=rideSceneDelim,rideSceneId
syn match   rideSceneDelim   /=\+/ contained
syn match   rideSceneId      /\h\w*/ contained

" Scene content: narration is plain text, with the {interpolation} and "quote" items above in it
" SPEAKER: line (an all-capitals id followed by a colon)
syn match   rideSpeaker      /^\s*\zs\u[A-Z0-9_]*\ze:/

" -> scene   -> sub ->   ->->
syn match   rideDivertLine   /^\s*\zs->.*$/ contains=rideArrow,rideSceneRef
syn match   rideArrow        /->/ contained
syn match   rideSceneRef     /\h\w*/ contained

" ~ name = / += / -= expression
syn match   rideAssignLine   /^\s*\zs\~.*$/ contains=rideTilde,rideAssignTarget,@rideExpr
syn match   rideTilde        /\~/ contained
syn match   rideAssignTarget /\%(\~\s*\)\@<=\h\w*/ contained

" Directives. An unknown @word is an error (E107); the known ones are defined after it and win.
syn match   rideDirectiveBad /^\s*\zs@\S*/
" @if CONDITION: line
syn match   rideDirective    /^\s*\zs@if\>/ nextgroup=rideIfCondition skipwhite
syn match   rideIfCondition  /[^:]*/ contained contains=@rideExpr nextgroup=rideIfColon
syn match   rideIfColon      /:/ contained nextgroup=rideIfBody,rideIfSpeaker,rideIfDivert,rideIfAssign skipwhite
syn match   rideIfBody       /\%(\s*\%(\u[A-Z0-9_]*:\|->\|\~\)\)\@!.*$/ contained contains=@rideText
syn match   rideIfSpeaker    /\u[A-Z0-9_]*\ze:/ contained nextgroup=rideIfBody
syn match   rideIfDivert     /->.*$/ contained contains=rideArrow,rideSceneRef
syn match   rideIfAssign     /\~.*$/ contained contains=rideTilde,rideAssignTarget,@rideExpr
" @timer 15s
syn match   rideDirective    /^\s*\zs@timer\>/ nextgroup=rideTimerValue skipwhite
syn match   rideTimerValue   /\d\+s\=\>/ contained
" @breathe 4 cycles 4-4-4-4
syn match   rideDirective    /^\s*\zs@breathe\>/ nextgroup=rideBreatheArgs skipwhite
syn match   rideBreatheArgs  /.*$/ contained contains=rideNumber,rideBreatheWord
syn keyword rideBreatheWord  cycle cycles contained
" @reflect ID: prompt   @checkin ID: question [Option | Option]
syn match   rideDirective    /^\s*\zs@\%(reflect\|checkin\)\>/ nextgroup=ridePrivateId skipwhite
syn match   ridePrivateId    /\h\w*\ze:/ contained nextgroup=ridePrompt
syn match   ridePrompt       /:.*$/ contained contains=rideCheckinOptions
syn match   rideCheckinOptions /\[[^\]]*\]\s*$/ contained contains=rideCheckinDelim
syn match   rideCheckinDelim /[\[\]|]/ contained
" @end CLASS: title   (an unknown class is an error, E209)
syn match   rideDirective    /^\s*\zs@end\>/ nextgroup=rideOutcomeBad,rideOutcome skipwhite
syn match   rideOutcomeBad   /[^: \t]\+/ contained nextgroup=rideEndingTitle,rideEndingColon skipwhite
syn match   rideOutcome      /\%(resolved-arrest\|resolved-referral\|resolved\|escalated\|critical-failure\|withdrawn\|completed\)\ze\%([: \t]\|$\)/ contained nextgroup=rideEndingTitle,rideEndingColon skipwhite
syn match   rideEndingTitle  /\S.*$/ contained
syn match   rideEndingColon  /:/ contained nextgroup=rideEndingTitle skipwhite
" @debrief text
syn match   rideDirective    /^\s*\zs@debrief\>/ nextgroup=rideDebriefText skipwhite
syn match   rideDebriefText  /.*$/ contained

" ---------------------------------------------------------------------------------------------
" Choices: `* id: text` (once only) and `+ id: text` (sticky), with their attribute lines
syn region  rideChoiceBlock matchgroup=rideChoiceOnce   start=/^\s*\*\ze\%(\s\|$\)/ end=/^\ze\s*\%([*+]\%(\s\|$\)\|===\)/ contains=@rideChoiceParts
syn region  rideChoiceBlock matchgroup=rideChoiceSticky start=/^\s*+\ze\%(\s\|$\)/  end=/^\ze\s*\%([*+]\%(\s\|$\)\|===\)/ contains=@rideChoiceParts
syn cluster rideChoiceParts contains=rideChoiceStray,rideComment,rideChoiceId,rideDivertLine,rideAssignLine,rideAttrIf,rideAttrScore,rideAttrText,rideAttrCritical,rideAttrTag,rideAttrIdeal,rideAttrTimeout

syn match   rideChoiceId     /\%(^\s*[*+]\s*\)\@<=\h\w*\ze:/ contained nextgroup=rideChoiceText
syn match   rideChoiceText   /:.*$/ contained contains=@rideText
" if CONDITION [else "reason"]
syn match   rideAttrIf       /^\s*\zsif\>/ contained nextgroup=rideChoiceCondition skipwhite
syn match   rideChoiceCondition /.\{-}\ze\%(\s\+else\s\|$\)/ contained contains=@rideExpr nextgroup=rideAttrElse skipwhite
syn match   rideAttrElse     /else\>/ contained nextgroup=rideString skipwhite
" score COMP ±N …
syn match   rideAttrScore    /^\s*\zsscore\>/ contained nextgroup=rideScoreArgs skipwhite
syn match   rideScoreArgs    /.*$/ contained contains=rideCompetencyRef,rideScorePoints
syn match   rideCompetencyRef /[A-Za-z][A-Za-z0-9_.\-]*/ contained
syn match   rideScorePoints  /\%(^\|\s\)\zs[+-]\=\d\+\>/ contained
" feedback: / why:
syn match   rideAttrText     /^\s*\zs\%(feedback\|why\):/ contained
" critical COMP: description
syn match   rideAttrCritical /^\s*\zscritical\>/ contained nextgroup=rideCriticalComp skipwhite
syn match   rideCriticalComp /[^: \t][^:]*\ze:/ contained
" tag / tags
syn match   rideAttrTag      /^\s*\zstags\=\>/ contained nextgroup=rideTags skipwhite
syn match   rideTags         /\S.*$/ contained
" ideal / on timeout
syn match   rideAttrIdeal    /^\s*\zsideal\ze\s*$/ contained
syn match   rideAttrTimeout  /^\s*\zson\s\+timeout\ze\s*$/ contained

" ---------------------------------------------------------------------------------------------
" Comments: a line whose first non-blank characters are // (no trailing comments)
syn match   rideComment      /^\s*\/\/.*$/ contains=rideTodo,@Spell
syn keyword rideTodo         TODO FIXME XXX contained

" ---------------------------------------------------------------------------------------------
" Links to standard groups
hi def link rideComment          Comment
hi def link rideTodo             Todo

hi def link rideHeaderKey        Keyword
hi def link rideHeaderValueKey   Keyword
hi def link rideAfter            Keyword
hi def link rideFto              Keyword
hi def link rideDottedId         Identifier
hi def link rideAfterIds         Identifier
hi def link rideSpeakerDecl      rideSpeaker
hi def link rideVarName          Identifier
hi def link rideVarEquals        Operator
hi def link rideVarValue         Number
hi def link rideIncludePath      String
hi def link rideCompetencyDecl   Identifier
hi def link rideCompetencyLabel  String
hi def link rideCompetencyList   Identifier
hi def link rideFeedbackMode     Constant
hi def link rideYesNo            Boolean
hi def link ridePercent          Number

hi def link rideSceneHeader      Title
hi def link rideSceneDelim       Delimiter
hi def link rideSceneId          Function
hi def link rideSceneRef         Function

hi def link rideSpeaker          Type
hi def link rideIfSpeaker        rideSpeaker
hi def link rideQuote            String
hi def link rideInterpolationDelim Special
hi def link rideInterpolation    Special

hi def link rideArrow            Statement
hi def link rideTilde            Statement
hi def link rideAssignTarget     Identifier

hi def link rideDirective        PreProc
hi def link rideDirectiveBad     Error
hi def link rideIfColon          Delimiter
hi def link rideTimerValue       Number
hi def link rideBreatheWord      Keyword
hi def link ridePrivateId        Identifier
hi def link rideCheckinOptions   String
hi def link rideCheckinDelim     Delimiter
hi def link rideOutcome          Constant
hi def link rideOutcomeBad       Error
hi def link rideEndingTitle      Title
hi def link rideEndingColon      Delimiter

hi def link rideChoiceOnce       Special
hi def link rideChoiceSticky     SpecialChar
hi def link rideChoiceId         Function
hi def link rideChoiceStray      Error
hi def link rideAttrIf           Conditional
hi def link rideAttrElse         Conditional
hi def link rideAttrScore        Keyword
hi def link rideCompetencyRef    Identifier
hi def link rideScorePoints      Number
hi def link rideAttrText         Keyword
hi def link rideAttrCritical     Exception
hi def link rideCriticalComp     Identifier
hi def link rideAttrTag          Keyword
hi def link rideTags             Tag
hi def link rideAttrIdeal        Special
hi def link rideAttrTimeout      Keyword

hi def link rideExprWord         Operator
hi def link rideOperator         Operator
hi def link rideBoolean          Boolean
hi def link rideRandom           Function
hi def link rideNumber           Number
hi def link rideString           String

let b:current_syntax = "ride"

let &cpo = s:cpo_save
unlet s:cpo_save
