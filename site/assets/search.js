// Start Pagefind's UI in Norwegian and run the query from the address (?q=…),
// so the header's plain search form leads straight to results.
(function () {
  var ui = new PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    translations: {
      placeholder: 'Søk i kilder og begreper',
      clear_search: 'Tøm',
      load_more: 'Vis flere treff',
      search_label: 'Søk på nettstedet',
      filters_label: 'Filtre',
      zero_results: 'Ingen treff for [SEARCH_TERM]',
      many_results: '[COUNT] treff for [SEARCH_TERM]',
      one_result: '[COUNT] treff for [SEARCH_TERM]',
      searching: 'Søker etter [SEARCH_TERM] …',
    },
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
