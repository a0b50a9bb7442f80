" ridealong scenario scripts (.ride): modules, course.ride files and included files.
autocmd BufRead,BufNewFile *.ride setfiletype ride
